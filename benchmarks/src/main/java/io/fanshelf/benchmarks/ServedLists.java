package io.fanshelf.benchmarks;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.recommender.Recommendations;
import io.fanshelf.recommender.RecommendedItem;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.rules.CurationLookup;
import io.fanshelf.training.registry.ModelRegistry;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Prints what {@link RecommendBenchmark} serves, for every {@code step}-th generated fan: the
 * candidate count and each item with its score and reasons, under a fixed clock (popularity decays
 * with the wall clock, which would move scores between two runs). Two builds that print the same
 * serve the same: the check that a speed-up of the request path changed no list.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.fanshelf.benchmarks.ServedLists \
 *     /tmp/fanshelf-bench/data-100000-100000-5000000 [fans=100000] [step=37] &gt; lists.txt
 * </pre>
 *
 * <p>The data directory's current model ranks when one is published, popularity otherwise.
 */
public final class ServedLists {
  private static final Instant CLOCK = Instant.parse("2026-12-07T10:00:00Z");

  private ServedLists() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: ServedLists DATA_DIR [fans] [step]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    if (!Files.exists(data.resolve("ready"))) {
      System.err.println(data + " is not a benchmark data directory (no 'ready' file)");
      System.exit(2);
    }
    int fans = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int step = args.length > 2 ? Integer.parseInt(args[2]) : 37;
    IndexerOptions options =
        IndexerOptions.of(data)
            .withLiveAggregates()
            .withClock(Clock.fixed(CLOCK, ZoneOffset.UTC));
    try (Indexer indexer = Indexer.open(options);
        BufferedWriter out =
            new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
      Recommender recommender =
          Recommender.open(indexer, RecommenderOptions.defaults(), CurationLookup.NONE);
      ModelRegistry registry = new ModelRegistry(data);
      if (registry.current().isPresent()) {
        recommender.rankings().use(registry.model(registry.current().get()));
      }
      Instant now = SyntheticShop.START.plusSeconds(indexer.store().events().count() * 6L + 60);
      for (int fan = 0; fan < fans; fan += step) {
        Recommendations served = recommender.recommend(SyntheticShop.forYou(fan, now));
        out.write(fan + " " + served.ranker() + " " + served.candidates());
        for (RecommendedItem item : served.items()) {
          out.write(" " + item.product().id().value() + ":" + item.score() + ":" + item.reasons());
        }
        out.newLine();
      }
    }
  }
}
