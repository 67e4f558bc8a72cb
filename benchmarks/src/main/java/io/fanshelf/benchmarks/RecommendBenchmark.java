package io.fanshelf.benchmarks;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.store.CatalogQuery;
import io.fanshelf.indexer.taxonomy.MatchRule;
import io.fanshelf.recommender.Recommendations;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.ranking.TreeEnsemble;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.rules.CurationLookup;
import io.fanshelf.training.registry.ModelRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one recommendation (20 items, ranked from the candidates of every source) against a
 * bare Lucene top-20 query on the same catalog index (the floor), single thread, on generated data.
 * The data directory is built once per parameter set under {@code fanshelf.bench.dir} (default
 * /tmp/fanshelf-bench) and reused by later runs.
 *
 * <p>{@code ranking=popularity} ranks as a shop is served before any model (popularity, no
 * collaborative models); {@code ranking=current} with the data directory's current model (the
 * published one, else the validated one), collaborative models and learned ranker included: train
 * and publish one first with {@code fanshelf-training train --data DIR --keep learned --publish
 * --force} (docs/benchmarks.md). {@code rescoreDepth} other than {@code published} serves that
 * model's trees at that cascade depth instead of the one its validation chose (0: every candidate),
 * to measure what a depth costs; the lists at that depth were not validated.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RecommendBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
public class RecommendBenchmark {
  @Param("100000")
  int products;

  @Param("100000")
  int fans;

  @Param("5000000")
  int events;

  @Param("popularity")
  String ranking;

  @Param("published")
  String rescoreDepth;

  private Indexer indexer;
  private Recommender recommender;
  private Random random;
  private Instant now;
  private CatalogQuery bareQuery;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private long candidates;
  private long requests;
  private long cpuNanos;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path root = Path.of(System.getProperty("fanshelf.bench.dir", "/tmp/fanshelf-bench"));
    Path data = root.resolve("data-" + products + "-" + fans + "-" + events);
    if (!Files.exists(data.resolve("ready"))) {
      Path files = root.resolve("files-" + products + "-" + fans + "-" + events);
      SyntheticShop.write(files, products, fans, events, 42);
      try (Indexer importer = Indexer.open(IndexerOptions.of(data))) {
        importer.importFiles(ImportRequest.inDirectory(files), ImportListener.NONE);
      }
      Files.writeString(data.resolve("ready"), "");
    }
    indexer = Indexer.open(IndexerOptions.of(data).withLiveAggregates());
    recommender = Recommender.open(indexer, RecommenderOptions.defaults(), CurationLookup.NONE);
    switch (ranking) {
      case "popularity" -> {}
      case "current" -> {
        ModelRegistry registry = new ModelRegistry(data);
        String id =
            registry
                .current()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "no model in "
                                + data
                                + ": train and publish one first (see docs/benchmarks.md)"));
        RankingModel model = registry.model(id);
        if (!rescoreDepth.equals("published")
            && model.ranker() instanceof TreeEnsemble trees) {
          model =
              new RankingModel(
                  model.name(),
                  model.collaborative(),
                  trees.withRescoreDepth(Integer.parseInt(rescoreDepth)),
                  model.usesLabels());
        }
        recommender.rankings().use(model);
        System.out.printf(
            "%nranking with model %s, rescore depth %s%n",
            id,
            model.ranker() instanceof TreeEnsemble trees ? trees.rescoreDepth() : "-");
      }
      default ->
          throw new IllegalArgumentException(
              "ranking must be popularity or current, got " + ranking);
    }
    now = SyntheticShop.START.plusSeconds(events * 6L + 60);
    random = new Random(7);
    bareQuery =
        CatalogQuery.builder(20)
            .rule(new MatchRule.Attribute("skin_type", "oily"), 1f)
            .inStockOnly()
            .build();
  }

  @Benchmark
  public Recommendations recommend() throws IOException {
    int fan = random.nextInt(fans);
    long cpuBefore = THREADS.getCurrentThreadCpuTime();
    Recommendations result = recommender.recommend(SyntheticShop.forYou(fan, now));
    cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuBefore;
    candidates += result.candidates();
    requests++;
    return result;
  }

  @Benchmark
  public List<?> bareLuceneTop20() throws IOException {
    return indexer.store().catalog().search(bareQuery);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (requests > 0) {
      // the CPU time the request's own thread used: on a shared machine the wall time measures
      // the other processes too, this much less so (cache and frequency effects remain)
      System.out.printf(
          "%nmean candidates per recommendation: %.0f, mean CPU time per recommendation: %.0f us%n",
          (double) candidates / requests,
          cpuNanos / 1e3 / requests);
    }
    indexer.close();
  }
}
