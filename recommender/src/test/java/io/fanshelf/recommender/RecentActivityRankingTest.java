package io.fanshelf.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.recommender.activity.InMemoryRecentActivity;
import io.fanshelf.recommender.activity.RecentActivity;
import io.fanshelf.recommender.rules.CurationLookup;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranking sees recent activity the store has not indexed yet, merged with the stored history. */
class RecentActivityRankingTest {
  @TempDir Path dir;

  private static List<String> ids(Recommendations recommendations) {
    return recommendations.items().stream().map(i -> i.product().id().value()).toList();
  }

  @Test
  void aViewKnownOnlyToRecentActivityShowsInRecentlyViewed() throws Exception {
    RecentActivity recent = new InMemoryRecentActivity(8, 100);
    try (Fixture f = Fixture.open(dir, RecommenderOptions.defaults(), CurationLookup.NONE)) {
      Recommender recommender =
          Recommender.open(f.indexer, RecommenderOptions.defaults(), CurationLookup.NONE, recent);
      RecommendRequest request =
          RecommendRequest.forYou(OwnerId.of("shop-lily"), FanId.of("fan-new"), 10, Fixture.NOW)
              .withSection(Section.RECENTLY_VIEWED);
      assertFalse(ids(recommender.recommend(request)).contains("bh-007"));

      recent.record(
          List.of(
              Event.of(
                  "not-stored-1",
                  "fan-new",
                  "bh-007",
                  EventType.VIEW,
                  Fixture.NOW.minusSeconds(30))));

      List<String> after = ids(recommender.recommend(request));
      assertEquals("bh-007", after.getFirst(), () -> "recently viewed: " + after);
      assertTrue(f.indexer.store().events().recent(FanId.of("fan-new"), 10).isEmpty());
    }
  }

  @Test
  void anActivityAlsoInTheStoreIsCountedOnce() throws Exception {
    RecentActivity recent = new InMemoryRecentActivity(8, 100);
    try (Fixture f = Fixture.open(dir, RecommenderOptions.defaults(), CurationLookup.NONE)) {
      Recommender recommender =
          Recommender.open(f.indexer, RecommenderOptions.defaults(), CurationLookup.NONE, recent);
      Event view =
          Event.of("stored-1", "fan-new", "bh-007", EventType.VIEW, Fixture.NOW.minusSeconds(30));
      f.indexer.appendEvents(List.of(view));
      recent.record(List.of(view));
      FanContext context =
          recommender.fanContext(OwnerId.of("shop-lily"), FanId.of("fan-new"), Fixture.NOW);
      assertEquals(1, context.history().size(), () -> "history: " + context.history());
    }
  }
}
