package io.fanshelf.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.rules.Curation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommenderTest {
  @TempDir Path dir;

  private static List<String> ids(Recommendations recommendations) {
    return recommendations.items().stream().map(i -> i.product().id().value()).toList();
  }

  private static RecommendRequest forYou(String owner, String fan) {
    return RecommendRequest.forYou(
        io.fanshelf.indexer.model.OwnerId.of(owner), FanId.of(fan), 10, Fixture.NOW);
  }

  @Test
  void labelMatchingProductsRiseForALabelledFan() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      f.recommender.rankings().use(RankingModel.labelsThenPopularity());
      // Two new fans without events; one labelled oily: labels alone must shape the page.
      f.indexer.changeLabels(
          List.of(
              new Label(
                  Fixture.LILY,
                  FanId.of("fan-new-oily"),
                  "skin_type",
                  List.of("oily"),
                  LabelSource.OWNER,
                  1.0,
                  Fixture.NOW,
                  "shop-lily")),
          List.of());
      Recommendations oily = f.recommender.recommend(forYou("shop-lily", "fan-new-oily"));
      Recommendations unlabelled = f.recommender.recommend(forYou("shop-lily", "fan-new-plain"));
      Set<String> oilyProducts = Set.of("bh-001", "bh-007"); // in stock, skin_type=oily
      assertTrue(
          oilyProducts.contains(ids(oily).getFirst()),
          () -> "oily product should lead: " + ids(oily));
      int risen = 0;
      for (String product : oilyProducts) {
        int labelled = ids(oily).indexOf(product);
        int plain = ids(unlabelled).indexOf(product);
        assertTrue(
            labelled >= 0 && (plain < 0 || labelled <= plain),
            () -> product + ": " + ids(oily) + " vs unlabelled " + ids(unlabelled));
        risen += plain < 0 || labelled < plain ? 1 : 0;
      }
      assertTrue(risen > 0, () -> ids(oily) + " vs unlabelled " + ids(unlabelled));
      assertTrue(oily.items().getFirst().sources().contains("label-match"));
    }
  }

  @Test
  void withNoEventsAtAllTheLabelsAloneShapeThePageByDefault() throws Exception {
    try (Fixture f = Fixture.openWithoutEvents(dir)) {
      assertEquals("popularity", f.recommender.rankings().current().name());
      // fan-0005: Lily labels oily; bh-001 and bh-007 are in stock and match skin_type=oily
      List<String> page = ids(f.recommender.recommend(forYou("shop-lily", "fan-0005")));
      assertEquals(Set.of("bh-001", "bh-007"), Set.copyOf(page.subList(0, 2)), page::toString);
    }
  }

  @Test
  void reasonsNameDisplayableLabelsButNeverPrivateOnes() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      // fan-0001: Lily labels oily (displayable) and price-sensitive (private, price band < 50)
      Recommendations recommendations = f.recommender.recommend(forYou("shop-lily", "fan-0001"));
      List<Reason> reasons =
          recommendations.items().stream().flatMap(i -> i.reasons().stream()).toList();
      assertTrue(
          reasons.contains(
              new Reason(Reason.Kind.LABEL_MATCH, List.of("油皮", "oily skin", "skin_type"))),
          reasons::toString);
      for (String argument : reasons.stream().flatMap(r -> r.arguments().stream()).toList()) {
        assertFalse(argument.contains("价格") || argument.toLowerCase().contains("price"), argument);
      }
    }
  }

  @Test
  void theFallbackRunsWhenTheMainSourcesFindTooFew() throws Exception {
    RecommenderOptions defaults = RecommenderOptions.defaults();
    java.util.Map<Section, List<String>> sources = new java.util.EnumMap<>(defaults.sources());
    sources.put(Section.FOR_YOU, List.of("label-match", "co-visit"));
    RecommenderOptions narrow =
        new RecommenderOptions(
            sources,
            defaults.fallback(),
            defaults.budgetPerSource(),
            defaults.minCandidates(),
            defaults.historyLimit(),
            defaults.rules(),
            defaults.leadersRefresh());
    try (Fixture f = Fixture.open(dir, narrow, io.fanshelf.recommender.rules.CurationLookup.NONE)) {
      Recommendations cold = f.recommender.recommend(forYou("shop-lily", "fan-unknown"));
      assertTrue(cold.fallback());
      Recommendations.FallbackReason why = cold.fallbackReason().orElseThrow();
      assertTrue(why.found() < why.wanted(), why::toString);
      assertTrue(why.sources().contains("popular"), why::toString);
      assertFalse(cold.items().isEmpty());
    }
  }

  @Test
  void aFanWithNothingGetsTheOwnersPopularItems() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      // popular and owner-popular are main-list sources: no fallback is needed to find them
      Recommendations cold = f.recommender.recommend(forYou("shop-lily", "fan-unknown"));
      assertFalse(cold.fallback(), () -> cold.fallbackReason().toString());
      assertTrue(cold.need().isEmpty());
      assertFalse(cold.items().isEmpty());
      assertTrue(
          cold.items().stream()
              .allMatch(
                  i ->
                      i.sources().contains("owner-popular")
                          || i.sources().contains("popular")
                          || i.sources().contains("new-arrivals")),
          () -> cold.items().toString());
    }
  }

  @Test
  void aBrandNewProductAppearsThroughLabelsAndNewArrivals() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      // popularity, the default, has nothing to say about a product nobody has bought yet; a
      // ranking that reads labels lifts it for the fans it matches, new arrivals shows it to all
      f.recommender.rankings().use(RankingModel.labelsThenPopularity());
      Path catalog = dir.resolve("new.jsonl");
      Files.writeString(
          catalog,
          "{\"id\": \"bh-new\", \"title\": \"控油散粉 新品\", \"category\": \"美妆>彩妆>散粉\", \"price\": 89,"
              + " \"stock\": 10, \"attributes\": {\"skin_type\": \"oily\"},"
              + " \"created_at\": \"2026-10-31T00:00:00Z\"}\n");
      f.indexer.importFiles(ImportRequest.none().withCatalog(catalog), ImportListener.NONE);
      assertTrue(ids(f.recommender.recommend(forYou("shop-lily", "fan-0005"))).contains("bh-new"));
      Recommendations arrivals =
          f.recommender.recommend(
              forYou("shop-lily", "fan-0006").withSection(Section.NEW_ARRIVALS));
      assertEquals("bh-new", ids(arrivals).getFirst());
    }
  }

  @Test
  void rulesKeepOutSoldOutItemsAndItemsOutsideTheAssortment() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      for (String fan : List.of("fan-0001", "fan-0002", "fan-0004", "fan-unknown")) {
        for (RecommendedItem item : f.recommender.recommend(forYou("shop-lily", fan)).items()) {
          assertTrue(item.product().inStock(), item.product().id() + " is sold out");
          String category = item.product().categoryKey();
          assertTrue(
              category.startsWith("美妆") || category.startsWith("食品>茶饮"),
              () -> item.product().id() + " " + category + " is outside Lily's assortment");
        }
      }
    }
  }

  @Test
  void pinsComeFirstAndBlocksNever() throws Exception {
    Curation curation =
        new Curation(List.of(ProductId.of("bh-014")), Set.of(ProductId.of("bh-007")));
    try (Fixture f = Fixture.open(dir, RecommenderOptions.defaults(), owner -> curation)) {
      Recommendations recommendations = f.recommender.recommend(forYou("shop-lily", "fan-0005"));
      assertEquals("bh-014", ids(recommendations).getFirst());
      assertTrue(recommendations.items().getFirst().pinned());
      assertEquals(
          Reason.of(Reason.Kind.OWNER_PICK),
          recommendations.items().getFirst().reasons().getFirst());
      assertFalse(ids(recommendations).contains("bh-007"));
    }
  }

  @Test
  void aFreeTextNeedFindsMatchingProducts() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      // 想买 is asking; 花茶, 调理, 身体 carry meaning and a match needs two of them: the rose tea
      // (花茶 调理气色), not the chrysanthemum tea (花茶 only) nor the body lotion (身体乳)
      Recommendations tea =
          f.recommender.recommend(forYou("shop-lily", "fan-0002").withNeed("想买花茶 调理身体"));
      assertEquals(List.of("bh-011"), ids(tea));
      assertEquals(new Recommendations.NeedOutcome(1, true), tea.need().orElseThrow());
      assertTrue(
          tea.items().getFirst().reasons().contains(Reason.of(Reason.Kind.MATCHES_NEED)),
          () -> tea.items().getFirst().reasons().toString());
      Recommendations teas =
          f.recommender.recommend(forYou("shop-lily", "fan-0002").withNeed("想要一些花茶"));
      assertEquals(Set.of("bh-011", "bh-012"), Set.copyOf(ids(teas)), "bh-013 is sold out");
      Recommendations serum =
          f.recommender.recommend(
              forYou("shop-lily", "fan-0002").withNeed("I want a hydrating serum, please"));
      assertEquals(List.of("bh-010"), ids(serum));
    }
  }

  @Test
  void aNeedThatMatchesNothingSaysSoAndTheUsualSourcesRun() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      Recommendations plain = f.recommender.recommend(forYou("shop-lily", "fan-0002"));
      for (String need :
          List.of(
              "xqzv wplk",
              // only words of asking and stop words
              "我想买一些",
              "looking for something for the",
              // 美妆 and 护肤 are in most of this shop's products: they name no product
              "美妆 护肤",
              // "dry" alone (an attribute value of the dry-skin cream) is one word in four
              "face cream for dry skin")) {
        Recommendations unmatched =
            f.recommender.recommend(forYou("shop-lily", "fan-0002").withNeed(need));
        assertEquals(
            new Recommendations.NeedOutcome(0, false), unmatched.need().orElseThrow(), need);
        assertEquals(ids(plain), ids(unmatched), need);
        assertTrue(
            unmatched.items().stream()
                .noneMatch(i -> i.reasons().contains(Reason.of(Reason.Kind.MATCHES_NEED))),
            need);
      }
      Recommendations elsewhere =
          f.recommender.recommend(
              forYou("shop-lily", "fan-0002")
                  .withNeed("想买花茶")
                  .withSection(Section.RECENTLY_VIEWED));
      assertEquals(new Recommendations.NeedOutcome(0, false), elsewhere.need().orElseThrow());
    }
  }

  @Test
  void similarItemsAreSellableAndExcludeTheProductItself() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      List<RecommendedItem> similar =
          f.recommender.similar(Fixture.LILY, ProductId.of("bh-001"), 5, Fixture.NOW);
      assertFalse(similar.isEmpty());
      assertTrue(similar.stream().noneMatch(i -> i.product().id().value().equals("bh-001")));
      assertThrows(
          IllegalArgumentException.class,
          () -> f.recommender.similar(Fixture.LILY, ProductId.of("nope"), 5, Fixture.NOW));
    }
  }

  @Test
  void moreLikeThisForAFanLeavesOutWhatTheFanJustBought() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      // the first product of the fixture with at least two related products
      ProductId seed = null;
      List<RecommendedItem> forTheShop = List.of();
      for (int i = 1; forTheShop.size() < 2; i++) {
        seed = ProductId.of(String.format("bh-%03d", i));
        forTheShop = f.recommender.similar(Fixture.LILY, seed, 5, Fixture.NOW);
      }
      ProductId bought = forTheShop.getFirst().product().id();
      f.indexer.appendEvents(
          List.of(
              io.fanshelf.indexer.model.Event.of(
                  "more-1",
                  "fan-more",
                  bought.value(),
                  io.fanshelf.indexer.model.EventType.PURCHASE,
                  Fixture.NOW.minusSeconds(60))));
      List<ProductId> forTheFan =
          f
              .recommender
              .similarFor(Fixture.LILY, FanId.of("fan-more"), seed, 5, Fixture.NOW)
              .stream()
              .map(i -> i.product().id())
              .toList();
      assertFalse(forTheFan.isEmpty());
      assertFalse(forTheFan.contains(bought), () -> bought + " was just bought: " + forTheFan);
      assertFalse(forTheFan.contains(seed), forTheFan::toString);
      assertTrue(forTheFan.contains(forTheShop.get(1).product().id()), forTheFan::toString);
    }
  }

  @Test
  void anotherOwnersLabelsAreNeverUsed() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      // fan-0001 is labelled by Lily (oily) and Mu (颜值); Anna has no labels for fan-0002.
      FanContext lily = f.recommender.fanContext(Fixture.LILY, FanId.of("fan-0001"), Fixture.NOW);
      assertTrue(lily.labels().stream().allMatch(l -> l.owner().equals(Fixture.LILY)));
      FanContext anna = f.recommender.fanContext(Fixture.ANNA, FanId.of("fan-0002"), Fixture.NOW);
      assertTrue(anna.labels().isEmpty());
    }
  }
}
