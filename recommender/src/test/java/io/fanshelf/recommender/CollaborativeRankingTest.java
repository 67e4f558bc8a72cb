package io.fanshelf.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.collaborative.Collaborative;
import io.fanshelf.recommender.collaborative.FactorModel;
import io.fanshelf.recommender.collaborative.ItemIndex;
import io.fanshelf.recommender.collaborative.ItemNeighbourModel;
import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.feature.FeatureExtractor;
import io.fanshelf.recommender.ranking.FeatureRanker;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.rules.CurationLookup;
import io.fanshelf.recommender.rules.RuleOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ranking's collaborative models propose candidates and become features in serving, and a fan's
 * ALS vector is folded in from the history at request time: one new event changes the list.
 */
class CollaborativeRankingTest {
  @TempDir Path dir;

  /** Two tastes in Lily's assortment: dry-skin care (bh-002, bh-003) and toner (bh-004, bh-010). */
  private static FactorModel twoTastes() {
    List<ProductId> ids =
        List.of("bh-002", "bh-003", "bh-004", "bh-010").stream().map(ProductId::of).toList();
    float[] factors = {1, 0, 1, 0, 0, 1, 0, 1};
    return new FactorModel(
        new ItemIndex(ids), 2, factors, FactorModel.gramian(factors, 4, 2), 0.01, 0.1, 1);
  }

  private static RankingModel byFeature(Collaborative models, Feature feature) {
    return new RankingModel(
        "by-" + feature.key(),
        models,
        new FeatureRanker(feature.key(), feature, Feature.LOG_POPULARITY_ALL_TIME),
        true);
  }

  private static List<String> ids(Recommendations recommendations) {
    return recommendations.items().stream().map(i -> i.product().id().value()).toList();
  }

  @Test
  void oneNewEventChangesTheFansListThroughTheFoldIn() throws Exception {
    // the two serums would be spread apart by the first-screen diversity cap: this is about scores
    RecommenderOptions withoutFirstScreenCap =
        RecommenderOptions.defaults().withRules(RuleOptions.defaults().withDiversity(3, 20, 0, 6));
    try (Fixture f = Fixture.open(dir, withoutFirstScreenCap, CurationLookup.NONE)) {
      f.recommender.rankings().use(byFeature(Collaborative.of(twoTastes()), Feature.ALS_SCORE));
      RecommendRequest request =
          RecommendRequest.forYou(Fixture.LILY, FanId.of("fan-fresh"), 10, Fixture.NOW);
      List<String> none = ids(f.recommender.recommend(request));
      assertTrue(!none.getFirst().equals("bh-003"), () -> "by popularity at first: " + none);
      f.indexer.appendEvents(
          List.of(
              Event.of(
                  "fresh-1",
                  "fan-fresh",
                  "bh-002",
                  EventType.PURCHASE,
                  Fixture.NOW.minusSeconds(60))));
      List<String> first = ids(f.recommender.recommend(request));
      assertEquals("bh-003", first.getFirst(), () -> "one purchase: its taste leads: " + first);
      assertTrue(
          f.recommender.recommend(request).items().getFirst().sources().contains("als"),
          "proposed by the ALS source");

      f.indexer.appendEvents(
          List.of(
              Event.of(
                  "fresh-2",
                  "fan-fresh",
                  "bh-004",
                  EventType.PURCHASE,
                  Fixture.NOW.minusSeconds(30)),
              Event.of(
                  "fresh-3", "fan-fresh", "bh-004", EventType.VIEW, Fixture.NOW.minusSeconds(20))));
      List<String> after = ids(f.recommender.recommend(request));
      assertEquals(
          List.of("bh-003", "bh-010"),
          after.subList(0, 2),
          () -> "a toner purchase lifts the other toner from " + first + " to " + after);
      assertTrue(first.indexOf("bh-010") > 1, () -> first.toString());
    }
  }

  @Test
  void theItemModelProposesAndDescribesWhatTheFanBoughtWith() throws Exception {
    try (Fixture f = Fixture.open(dir)) {
      // bh-001 (bought by fan-0001) points to bh-014 only
      ItemNeighbourModel items =
          new ItemNeighbourModel(
              "item-knn",
              new ItemIndex(List.of(ProductId.of("bh-001"), ProductId.of("bh-014"))),
              new int[] {0, 1, 1},
              new int[] {1},
              new float[] {0.8f});
      f.recommender.rankings().use(byFeature(Collaborative.of(items), Feature.ITEM_CF_SCORE));
      FanEvidence evidence =
          f.recommender.evidence(Fixture.LILY, FanId.of("fan-0001"), Fixture.NOW);
      int target = evidence.signals().catalog().ordinal(ProductId.of("bh-014")).getAsInt();
      assertEquals(0.8, evidence.itemScore(target), 1e-6);
      float[] vector = new float[Feature.count()];
      FeatureExtractor.of(evidence).extract(target, null, vector);
      assertEquals(0.8f, vector[Feature.ITEM_CF_SCORE.slot()], 1e-6);
      Recommendations list =
          f.recommender.recommend(
              RecommendRequest.forYou(Fixture.LILY, FanId.of("fan-0001"), 10, Fixture.NOW));
      assertEquals("bh-014", ids(list).getFirst(), () -> ids(list).toString());
      assertTrue(list.items().getFirst().sources().contains("item-cf"));
      assertEquals("by-item_cf_score", list.ranker());
    }
  }
}
