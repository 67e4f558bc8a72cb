package io.fanshelf.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.recommender.collaborative.Collaborative;
import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.ranking.FeatureRanker;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.rules.CurationLookup;
import io.fanshelf.recommender.rules.RuleOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the beauty demo shop a new fan clicks one lipstick, and the ranking follows the click into its
 * category (as a learned ranking that weighs category affinity does). Without diversity three
 * lipsticks of three families (the family collapse leaves one of each) open the page; with the
 * default rules the first screen shows six kinds of product, one lipstick among them.
 */
class SingleClickDiversityIT {
  private static final Path DEMO = Path.of("..", "demo", "beauty");
  private static final Instant NOW = Instant.parse("2018-01-02T00:00:00Z");
  private static final OwnerId MEI = OwnerId.of("shop-mei");
  private static final FanId NEWCOMER = FanId.of("fan-newcomer");
  private static final int FIRST_SCREEN = RuleOptions.defaults().topWindow();

  @TempDir Path dir;

  @Test
  void oneClickDoesNotFillTheFirstScreenWithOneKindOfProduct() throws Exception {
    try (Indexer indexer =
        Indexer.open(
            IndexerOptions.of(dir.resolve("data")).withClock(Clock.fixed(NOW, ZoneOffset.UTC)))) {
      indexer.importFiles(ImportRequest.inDirectory(DEMO), ImportListener.NONE);
      indexer.appendEvents(
          List.of(
              Event.of(
                  "click-1", NEWCOMER.value(), "sku-0115", EventType.CLICK, NOW.minusSeconds(60))));

      Map<String, Long> undiversified =
          firstScreenByCategory(indexer, RuleOptions.defaults().withDiversity(0, 1, 0, 1));
      Map<String, Long> diversified = firstScreenByCategory(indexer, RuleOptions.defaults());

      long lipsticks = undiversified.getOrDefault("美妆>彩妆>口红", 0L);
      assertTrue(lipsticks >= 3, () -> "the click alone should lift lipsticks: " + undiversified);
      assertEquals(FIRST_SCREEN, diversified.size(), () -> "one of each kind: " + diversified);
    }
  }

  private static Map<String, Long> firstScreenByCategory(Indexer indexer, RuleOptions rules)
      throws Exception {
    Recommender recommender =
        Recommender.open(
            indexer, RecommenderOptions.defaults().withRules(rules), CurationLookup.NONE);
    FeatureRanker followsTheClick =
        new FeatureRanker("follows-the-click", Feature.CATEGORY_AFFINITY, Feature.LOG_REACH);
    recommender
        .rankings()
        .use(new RankingModel(followsTheClick.name(), Collaborative.NONE, followsTheClick, true));
    Recommendations page = recommender.recommend(RecommendRequest.forYou(MEI, NEWCOMER, 12, NOW));
    return page.items().stream()
        .limit(FIRST_SCREEN)
        .collect(Collectors.groupingBy(i -> i.product().categoryKey(), Collectors.counting()));
  }
}
