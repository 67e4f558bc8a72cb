package io.fanshelf.recommender;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.store.FanPage;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.FanQuery;
import io.fanshelf.indexer.taxonomy.MatchRule;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.rules.CurationLookup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the demo data (real Complete Journey households and purchases), the label path works end to
 * end: ranked by their label matches then popularity, households labelled with kids get more baby
 * and kids products in their top 20 than households labelled without kids. (Whether a shop is
 * served that ranking is for validation to decide; on this data it is not.) The numbers are printed
 * for the record.
 */
class DemoKidsIT {
  private static final Path DEMO = Path.of("..", "demo");
  private static final Instant NOW = Instant.parse("2018-01-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void householdsWithKidsGetMoreKidsProducts() throws Exception {
    try (Indexer indexer =
        Indexer.open(
            IndexerOptions.of(dir.resolve("data")).withClock(Clock.fixed(NOW, ZoneOffset.UTC)))) {
      indexer.importFiles(ImportRequest.inDirectory(DEMO), ImportListener.NONE);
      Recommender recommender =
          Recommender.open(indexer, RecommenderOptions.defaults(), CurationLookup.NONE);
      recommender.rankings().use(RankingModel.labelsThenPopularity());
      MatchRule kidsProducts =
          indexer
              .store()
              .metadata()
              .taxonomy()
              .dimension("kids")
              .orElseThrow()
              .value("1")
              .orElseThrow()
              .match()
              .orElseThrow();

      long[] fans = new long[2];
      long[] kidsItems = new long[2];
      for (String owner : new String[] {"shop-lily", "shop-green", "shop-jie"}) {
        FanQuery query = FanQuery.all(io.fanshelf.indexer.model.OwnerId.of(owner), 1000);
        FanPage page = indexer.store().fans().find(query);
        while (true) {
          for (FanProfile profile : page.fans()) {
            Optional<Label> kids = profile.label("kids");
            if (kids.isEmpty()) {
              continue;
            }
            int group = kids.get().values().contains("none") ? 0 : 1;
            Recommendations top =
                recommender.recommend(
                    RecommendRequest.forYou(profile.fan().owner(), profile.fan().id(), 20, NOW));
            fans[group]++;
            kidsItems[group] +=
                top.items().stream().filter(i -> kidsProducts.matches(i.product())).count();
          }
          if (page.next().isEmpty()) {
            break;
          }
          page =
              indexer
                  .store()
                  .fans()
                  .find(
                      new FanQuery(
                          query.owner(),
                          query.labels(),
                          query.unlabelled(),
                          page.next(),
                          query.pageSize()));
        }
      }
      double without = (double) kidsItems[0] / fans[0];
      double with = (double) kidsItems[1] / fans[1];
      System.out.printf(
          Locale.ROOT,
          "kids products in the top 20: %.3f per household with kids (%d households), %.3f"
              + " without (%d households), ratio %.2f%n",
          with,
          fans[1],
          without,
          fans[0],
          with / Math.max(without, 1e-9));
      assertTrue(with > without, () -> "with kids " + with + " <= without " + without);
    }
  }
}
