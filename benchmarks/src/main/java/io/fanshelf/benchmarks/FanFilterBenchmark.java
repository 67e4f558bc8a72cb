package io.fanshelf.benchmarks;

import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanPage;
import io.fanshelf.indexer.store.FanQuery;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * An owner with 100,000 labelled fans filtering them in the console: the first page (50 fans and
 * the total) for a two-dimension label filter, and the tenth page through the cursor. Baseline in
 * the same run: the unfiltered first page.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FanFilterBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class FanFilterBenchmark {
  private static final OwnerId OWNER = OwnerId.of("big-shop");
  private static final String[] SKIN = {"dry", "combination", "oily", "sensitive"};
  private static final String[] AGE = {"18-24", "25-34", "35-44", "45-54", "55plus"};

  @Param("100000")
  int fans;

  private Path dir;
  private LuceneBackend store;
  private FanQuery filtered;
  private FanQuery unfiltered;
  private String tenthPageCursor;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("fanshelf-fan-bench");
    store = LuceneBackend.open(dir);
    Random random = new Random(42);
    Instant now = Instant.parse("2026-11-01T00:00:00Z");
    List<Fan> members = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    for (int i = 0; i < fans; i++) {
      FanId fan = FanId.of(String.format("fan%06d", i));
      members.add(new Fan(OWNER, fan, Optional.empty(), now));
      labels.add(label(fan, "skin_type", SKIN[random.nextInt(SKIN.length)], now));
      labels.add(label(fan, "age", AGE[random.nextInt(AGE.length)], now));
    }
    store.fans().upsertFans(members);
    store.fans().setLabels(labels);
    filtered =
        new FanQuery(
            OWNER,
            Map.of("skin_type", Set.of("oily"), "age", Set.of("25-34", "35-44")),
            Set.of(),
            Optional.empty(),
            50);
    unfiltered = FanQuery.all(OWNER, 50);
    FanQuery query = filtered;
    for (int page = 0; page < 9; page++) {
      FanPage result = store.fans().find(query);
      query = new FanQuery(OWNER, filtered.labels(), Set.of(), result.next(), 50);
    }
    tenthPageCursor = query.after().orElseThrow();
  }

  private static Label label(FanId fan, String dimension, String value, Instant now) {
    return new Label(OWNER, fan, dimension, List.of(value), LabelSource.IMPORT, 1.0, now, "bench");
  }

  @Benchmark
  public FanPage filteredFirstPage() throws IOException {
    return store.fans().find(filtered);
  }

  @Benchmark
  public FanPage filteredTenthPage() throws IOException {
    return store
        .fans()
        .find(new FanQuery(OWNER, filtered.labels(), Set.of(), Optional.of(tenthPageCursor), 50));
  }

  @Benchmark
  public FanPage unfilteredFirstPage() throws IOException {
    return store.fans().find(unfiltered);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    store.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
