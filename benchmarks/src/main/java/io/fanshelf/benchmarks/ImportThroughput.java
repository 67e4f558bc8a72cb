package io.fanshelf.benchmarks;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.ingest.ImportSummary;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Import throughput of generated events from a file into a fresh data directory, and the index size
 * on disk. Baseline in the same run: the validation pass alone (parse + validate, nothing written),
 * which is the floor any store adds to.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.fanshelf.benchmarks.ImportThroughput
 * [events=1000000] [rounds=3]}
 */
public final class ImportThroughput {
  private ImportThroughput() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path work = Files.createTempDirectory("fanshelf-import-bench");
    try {
      Path catalog = writeCatalog(work.resolve("catalog.csv"), 10_000);
      Path eventFile = writeEvents(work.resolve("events.csv"), events, 10_000, 100_000);
      System.out.printf(
          Locale.ROOT,
          "machine: %d cores, java %s, max heap %d MiB; events file %,d bytes%n",
          Runtime.getRuntime().availableProcessors(),
          Runtime.version(),
          Runtime.getRuntime().maxMemory() >> 20,
          Files.size(eventFile));
      List<Double> rates = new ArrayList<>();
      List<Double> validateRates = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        Path data = work.resolve("data" + round);
        try (Indexer indexer = Indexer.open(IndexerOptions.of(data))) {
          indexer.importFiles(ImportRequest.none().withCatalog(catalog), ImportListener.NONE);
          ValidationTimer timer = new ValidationTimer();
          ImportSummary summary =
              indexer.importFiles(ImportRequest.none().withEvents(eventFile), timer);
          ImportSummary.FileSummary file = summary.files().getFirst();
          double seconds = file.elapsed().toNanos() / 1e9;
          double validateSeconds = timer.validationNanos() / 1e9;
          rates.add(file.rowsRead() / seconds);
          validateRates.add(file.rowsRead() / validateSeconds);
          LuceneBackend.DiskUsage disk = indexer.stats().disk().orElseThrow();
          System.out.printf(
              Locale.ROOT,
              "round %d: %,d events in %.2f s = %,.0f events/s (validation pass alone %,.0f"
                  + " events/s); event index %,d bytes = %.1f bytes/event%n",
              round + 1,
              file.accepted(),
              seconds,
              rates.getLast(),
              validateRates.getLast(),
              disk.eventBytes(),
              (double) disk.eventBytes() / file.accepted());
        }
      }
      System.out.printf(
          Locale.ROOT,
          "median import %,.0f events/s; median validation-only baseline %,.0f events/s%n",
          median(rates),
          median(validateRates));
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Measures the validation pass: from the first "validate" progress to the first "apply" one. */
  private static final class ValidationTimer implements ImportListener {
    private final long start = System.nanoTime();
    private long validated = -1;

    @Override
    public void progress(String stage, String file, long bytesDone, long bytesTotal, long rows) {
      if (stage.equals("apply") && validated < 0) {
        validated = System.nanoTime();
      }
    }

    long validationNanos() {
      return validated - start;
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  static Path writeCatalog(Path file, int products) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("id,title,category,price,stock,created_at\n");
      for (int i = 0; i < products; i++) {
        out.write(
            "p"
                + i
                + ",Product "
                + i
                + ",Dept"
                + (i % 20)
                + ">Cat"
                + (i % 300)
                + ","
                + (1 + i % 500)
                + ".99,100,2026-01-01T00:00:00Z\n");
      }
    }
    return file;
  }

  static Path writeEvents(Path file, int events, int products, int fans) throws IOException {
    Random random = new Random(42);
    String[] types = {"view", "view", "view", "click", "cart", "purchase"};
    long start = 1_767_225_600L; // 2026-01-01T00:00:00Z
    try (BufferedWriter out =
        Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
      out.write("id,fan,product,type,time\n");
      for (int i = 0; i < events; i++) {
        // Zipf-like product popularity: squaring a uniform draw favours low ids.
        double u = random.nextDouble();
        int product = (int) (u * u * products);
        out.write(
            "ev"
                + i
                + ",fan"
                + random.nextInt(fans)
                + ",p"
                + product
                + ","
                + types[random.nextInt(types.length)]
                + ","
                + java.time.Instant.ofEpochSecond(start + i * 30L)
                + "\n");
      }
    }
    return file;
  }
}
