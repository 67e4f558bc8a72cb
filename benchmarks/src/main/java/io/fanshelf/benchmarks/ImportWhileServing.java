package io.fanshelf.benchmarks;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.rules.CurationLookup;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Recommendation latency while a bulk event import and the aggregate rebuild after it run on a live
 * data directory: one thread asks for recommendations back to back, first with nothing else running
 * (the baseline of the same run), then from the start of the import until the rebuilt aggregates
 * serve. The shop is {@link SyntheticShop}'s; it is built once under {@code fanshelf.bench.dir} and
 * copied for each run, since the run imports into it.
 *
 * <p>Run: {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar
 * io.fanshelf.benchmarks.ImportWhileServing [products=100000] [fans=100000] [events=1000000]
 * [imported=1000000] [baselineSeconds=20]}
 */
public final class ImportWhileServing {
  private ImportWhileServing() {}

  public static void main(String[] args) throws Exception {
    int products = arg(args, 0, 100_000);
    int fans = arg(args, 1, 100_000);
    int events = arg(args, 2, 1_000_000);
    int imported = arg(args, 3, 1_000_000);
    int baselineSeconds = arg(args, 4, 20);
    Path root = Path.of(System.getProperty("fanshelf.bench.dir", "/tmp/fanshelf-bench"));
    Path shop = root.resolve("data-" + products + "-" + fans + "-" + events);
    if (!Files.exists(shop.resolve("ready"))) {
      Path files = root.resolve("files-" + products + "-" + fans + "-" + events);
      SyntheticShop.write(files, products, fans, events, 42);
      try (Indexer importer = Indexer.open(IndexerOptions.of(shop))) {
        importer.importFiles(ImportRequest.inDirectory(files), ImportListener.NONE);
      }
      Files.writeString(shop.resolve("ready"), "");
    }
    Instant after = SyntheticShop.START.plusSeconds(events * 6L);
    Path importFile = root.resolve("import-" + products + "-" + fans + "-" + imported + ".csv");
    if (!Files.exists(importFile)) {
      writeEvents(importFile, products, fans, imported, after);
    }
    Path data = Files.createTempDirectory(root, "import-while-serving");
    copy(shop, data);
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, java %s, max heap %d MiB; shop %,d products, %,d fans, %,d events;"
            + " importing %,d events%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20,
        products,
        fans,
        events,
        imported);
    try (Indexer indexer = Indexer.open(IndexerOptions.of(data).withLiveAggregates())) {
      Recommender recommender =
          Recommender.open(indexer, RecommenderOptions.defaults(), CurationLookup.NONE);
      Instant now = after.plusSeconds(imported * 6L + 60);
      Random random = new Random(7);
      Latencies warmup = new Latencies();
      serve(recommender, fans, now, random, warmup, deadline(baselineSeconds));
      Latencies baseline = new Latencies();
      serve(recommender, fans, now, random, baseline, deadline(baselineSeconds));
      report("baseline, nothing else running", baseline, baselineSeconds * 1e9);

      EventAggregates before = indexer.aggregates();
      AtomicBoolean swapped = new AtomicBoolean();
      long started = System.nanoTime();
      long[] importedAt = new long[1];
      Thread importer =
          Thread.ofPlatform()
              .name("bench-import")
              .start(
                  () -> {
                    try {
                      indexer.importFiles(
                          ImportRequest.none().withEvents(importFile), ImportListener.NONE);
                      importedAt[0] = System.nanoTime();
                      // Asks as a request would: returns once new aggregates serve.
                      while (indexer.aggregates() == before) {
                        Thread.sleep(20);
                      }
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    } finally {
                      swapped.set(true);
                    }
                  });
      Latencies during = new Latencies();
      while (!swapped.get()) {
        serve(recommender, fans, now, random, during, System.nanoTime() + 100_000_000L);
      }
      importer.join();
      long elapsed = System.nanoTime() - started;
      System.out.printf(
          Locale.ROOT,
          "import %.1f s, new aggregates serving %.1f s after the import started%n",
          (importedAt[0] - started) / 1e9,
          elapsed / 1e9);
      report("during the import and rebuild", during, elapsed);
    } finally {
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }

  private static long deadline(int seconds) {
    return System.nanoTime() + seconds * 1_000_000_000L;
  }

  private static void serve(
      Recommender recommender,
      int fans,
      Instant now,
      Random random,
      Latencies latencies,
      long until)
      throws IOException {
    while (System.nanoTime() < until) {
      long start = System.nanoTime();
      recommender.recommend(SyntheticShop.forYou(random.nextInt(fans), now));
      latencies.add(System.nanoTime() - start);
    }
  }

  private static void report(String phase, Latencies latencies, double phaseNanos) {
    System.out.printf(
        Locale.ROOT,
        "%s: %,d requests (%.0f/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        phase,
        latencies.size(),
        latencies.size() / (phaseNanos / 1e9),
        latencies.percentile(0.50) / 1e6,
        latencies.percentile(0.99) / 1e6,
        latencies.percentile(1.0) / 1e6);
  }

  /** Events for the same fans and products, with new ids, after the shop's last event. */
  private static void writeEvents(Path file, int products, int fans, int count, Instant after)
      throws IOException {
    String[] types = {"view", "view", "view", "click", "cart", "purchase"};
    Random random = new Random(4242);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("id,fan,product,type,time\n");
      for (int e = 0; e < count; e++) {
        double u = random.nextDouble();
        out.write(
            "imp"
                + e
                + ",fan"
                + random.nextInt(fans)
                + ",p"
                + (int) (u * u * products)
                + ","
                + types[random.nextInt(types.length)]
                + ","
                + after.plusSeconds(1 + e * 6L)
                + "\n");
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Request latencies in nanoseconds. Not thread-safe. */
  private static final class Latencies {
    private long[] values = new long[1 << 16];
    private int size;

    void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    int size() {
      return size;
    }

    /** The value at quantile q (1.0 is the maximum); 0 when empty. */
    double percentile(double q) {
      if (size == 0) {
        return 0;
      }
      long[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      return sorted[
          (int) Math.min(size - 1, Math.ceil(q * size) - 1 < 0 ? 0 : Math.ceil(q * size) - 1)];
    }
  }
}
