package io.fanshelf.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.aggregate.LabelLift;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.taxonomy.MatchRule;
import io.fanshelf.recommender.candidate.CandidateSource;
import io.fanshelf.recommender.candidate.CandidateSources;
import io.fanshelf.recommender.candidate.Candidates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One contract test per candidate source, each source run alone on the beauty-home fixture. */
class CandidateSourcesTest {
  @TempDir Path dir;

  /** Runs one source and returns the product ids it proposed, in proposal order. */
  private static List<String> propose(Fixture f, String source, RecommendRequest request)
      throws Exception {
    Signals signals = f.recommender.signals();
    FanEvidence evidence = f.recommender.evidence(request.owner(), request.fan(), request.now());
    Candidates candidates = new Candidates(CandidateSources.ALL.size());
    int index = CandidateSources.index(source);
    CandidateSource strategy = CandidateSources.ALL.get(index);
    assertEquals(source, strategy.name());
    strategy.propose(request, evidence, candidates.sink(index), 50);
    List<String> ids = new ArrayList<>();
    for (Candidates.Candidate c : candidates.all()) {
      assertTrue(c.sourceScore(index) > 0, "a proposal carries a positive source score");
      ids.add(signals.catalog().product(c.ordinal()).id().value());
    }
    return ids;
  }

  private static RecommendRequest request(String owner, String fan) {
    return RecommendRequest.forYou(
        io.fanshelf.indexer.model.OwnerId.of(owner), FanId.of(fan), 10, Fixture.NOW);
  }

  private static Set<String> inStockMatching(Fixture f, MatchRule rule) throws Exception {
    Set<String> ids = new HashSet<>();
    f.indexer
        .store()
        .catalog()
        .forEach(
            p -> {
              if (p.inStock() && rule.matches(p)) {
                ids.add(p.id().value());
              }
            });
    return ids;
  }

  @Test
  void aSourceScoreIsAlwaysAFinitePositiveFeature() {
    Candidates candidates = new Candidates(2);
    candidates.sink(0).add(7, Float.POSITIVE_INFINITY);
    candidates.sink(1).add(7, -3f);
    Candidates.Candidate only = candidates.all().getFirst();
    assertEquals(Float.MAX_VALUE, only.sourceScore(0));
    assertTrue(only.sourceScore(1) > 0, "proposed, so positive");
  }

  @Test
  void labelMatchProposesExactlyTheInStockProductsOfTheFansLabelRules() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      // fan-0003: Lily labels sensitive skin (no other rule-bearing labels from Lily)
      Set<String> expected = inStockMatching(f, new MatchRule.Attribute("skin_type", "sensitive"));
      assertEquals(
          expected, Set.copyOf(propose(f, "label-match", request("shop-lily", "fan-0003"))));
      assertTrue(propose(f, "label-match", request("shop-lily", "fan-unlabelled")).isEmpty());
    }
  }

  @Test
  void labelAffinityProposesFromCategoriesTheLabelValueLifts() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      // Fans labelled oily buy green tea far more than others: oily x 食品>茶饮>绿茶 is lifted.
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        events.add(
            Event.of(
                "la" + i,
                i % 2 == 0 ? "fan-0001" : "fan-0005",
                "bh-014",
                EventType.PURCHASE,
                Fixture.NOW.minusSeconds(3600 + i)));
      }
      f.indexer.appendEvents(events);
      f.indexer.rebuildAggregates();
      List<String> proposed = propose(f, "label-affinity", request("shop-lily", "fan-0005"));
      assertTrue(proposed.contains("bh-014"), proposed::toString);
      Signals signals = f.recommender.signals();
      List<Label> labels =
          f.recommender.fanContext(Fixture.LILY, FanId.of("fan-0005"), Fixture.NOW).labels();
      for (String id : proposed) {
        Product product = signals.catalog().product(ProductId.of(id)).orElseThrow();
        boolean lifted = false;
        // the lifted category may be the product's leaf or one of its ancestors
        List<String> path = product.categoryPath();
        for (int depth = 1; depth <= path.size(); depth++) {
          String key = String.join(">", path.subList(0, depth));
          for (Label label : labels) {
            for (String value : label.values()) {
              LabelLift lift = signals.aggregates().lift(label.dimension(), value, key);
              lifted |= lift.lift() >= 1.1;
            }
          }
        }
        assertTrue(lifted, id + " is in no lifted category");
      }
    }
  }

  @Test
  void coVisitProposesWhatOtherFansBoughtWithTheFansItems() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      f.indexer.appendEvents(
          List.of(
              Event.of(
                  "cv1", "buyer-1", "bh-014", EventType.PURCHASE, Fixture.NOW.minusSeconds(7200)),
              Event.of(
                  "cv2", "buyer-1", "bh-015", EventType.PURCHASE, Fixture.NOW.minusSeconds(7100)),
              Event.of(
                  "cv3", "fan-cv", "bh-014", EventType.PURCHASE, Fixture.NOW.minusSeconds(60))));
      List<String> proposed = propose(f, "co-visit", request("shop-lily", "fan-cv"));
      assertTrue(proposed.contains("bh-015"), proposed::toString);
      assertFalse(proposed.contains("bh-014"), "not the item itself");
    }
  }

  @Test
  void categoryAffinityProposesPopularProductsOfTheFansCategories() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      // fan-0004 viewed, bought and shared flower teas (食品>茶饮>花茶)
      List<String> proposed = propose(f, "affinity", request("shop-lily", "fan-0004"));
      assertFalse(proposed.isEmpty());
      Signals signals = f.recommender.signals();
      assertTrue(
          proposed.stream()
              .map(id -> signals.catalog().product(ProductId.of(id)).orElseThrow().categoryKey())
              .allMatch(key -> key.startsWith("食品>茶饮")),
          proposed::toString);
    }
  }

  @Test
  void ownerPopularCountsOnlyThisOwnersFans() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      // bh-019 (vacuum bottle) was bought only by fan-0009, a fan of Mu alone.
      assertTrue(propose(f, "owner-popular", request("shop-mu", "x")).contains("bh-019"));
      assertFalse(propose(f, "owner-popular", request("shop-lily", "x")).contains("bh-019"));
      assertTrue(
          propose(f, "popular", request("shop-lily", "x")).contains("bh-019"), "platform-wide");
    }
  }

  @Test
  void newArrivalsAreRecentInStockAndNewestFirst() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      List<String> proposed = propose(f, "new-arrivals", request("shop-anna", "x"));
      Signals signals = f.recommender.signals();
      List<Product> products =
          proposed.stream()
              .map(id -> signals.catalog().product(ProductId.of(id)).orElseThrow())
              .toList();
      assertFalse(products.isEmpty());
      for (int i = 0; i < products.size(); i++) {
        Product p = products.get(i);
        assertTrue(p.inStock());
        assertTrue(p.createdAt().isAfter(Fixture.NOW.minus(Duration.ofDays(30))), p.id().value());
        if (i > 0) {
          assertFalse(p.createdAt().isAfter(products.get(i - 1).createdAt()), "newest first");
        }
      }
    }
  }

  @Test
  void needSearchesTheCatalogText() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      Set<String> proposed =
          Set.copyOf(propose(f, "need", request("shop-lily", "x").withNeed("花茶")));
      assertEquals(Set.of("bh-011", "bh-012"), proposed, "in-stock flower teas; 洛神花茶 is sold out");
      assertTrue(propose(f, "need", request("shop-lily", "x")).isEmpty(), "no need, no proposals");
    }
  }

  @Test
  void recentlyViewedListsTheFansViewsMostRecentFirst() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      // fan-0001 viewed bh-001 (10-20), bh-007 (10-21), bh-017 (10-23)
      assertEquals(
          List.of("bh-017", "bh-007", "bh-001"),
          propose(f, "recently-viewed", request("shop-lily", "fan-0001")));
    }
  }

  @Test
  void everySourceIsCovered() {
    assertEquals(
        Set.of(
            "label-match",
            "label-affinity",
            "co-visit",
            "affinity",
            "owner-popular",
            "popular",
            "new-arrivals",
            "need",
            "recently-viewed",
            "als",
            "item-cf",
            "user-knn"),
        CandidateSources.ALL.stream().map(CandidateSource::name).collect(Collectors.toSet()));
  }
}
