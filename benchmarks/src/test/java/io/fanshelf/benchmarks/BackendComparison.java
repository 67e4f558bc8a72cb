package io.fanshelf.benchmarks;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.ingest.ImportSummary;
import io.fanshelf.indexer.store.CatalogQuery;
import io.fanshelf.indexer.store.StoreBackend;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchBackend;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchOptions;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import io.fanshelf.indexer.taxonomy.MatchRule;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.rules.CurationLookup;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.elasticsearch.node.FanShelfTestNode;

/**
 * Bulk ingestion and recommendation latency on the Elasticsearch backend next to the Lucene backend
 * (the baseline), on the same generated platform ({@link SyntheticShop}, seed 42), in one run:
 * first Lucene in a fresh data directory, then a real Elasticsearch 9.5.3 node started in this JVM
 * (the test-only node of the indexer's tests; its server jars never ship), each through the same
 * {@link Indexer} import of the same files and the same {@link Recommender} requests. Prints
 * Markdown tables for docs/benchmarks.md, and the load average while it ran.
 *
 * <p>Lives in the test sources because the Elasticsearch server is a test-scope dependency; the
 * command is in docs/benchmarks.md. Arguments: {@code [products=20000] [fans=10000] [events=500000]
 * [requests=2000]}.
 */
public final class BackendComparison {
  private static final String[] KINDS = {"catalog", "fans", "labels", "events"};

  private BackendComparison() {}

  /** What one backend did. */
  private record Result(
      String backend,
      Map<String, ImportSummary.FileSummary> applied,
      Map<String, ImportSummary.FileSummary> imported,
      double aggregateSeconds,
      long[] recommendNanos,
      long[] bareQueryNanos,
      String storage) {}

  public static void main(String[] args) throws Exception {
    int products = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int fans = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int events = args.length > 2 ? Integer.parseInt(args[2]) : 500_000;
    int requests = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
    Path work = Files.createTempDirectory("fanshelf-backends-bench");
    LoadSampler load = LoadSampler.start();
    try {
      System.out.printf(
          Locale.ROOT,
          "machine: %d cores, java %s, max heap %d MiB; %,d products, %,d fans, %,d events, %,d"
              + " requests; load average %s%n",
          Runtime.getRuntime().availableProcessors(),
          Runtime.version(),
          Runtime.getRuntime().maxMemory() >> 20,
          products,
          fans,
          events,
          requests,
          LoadSampler.now());
      Path files = work.resolve("files");
      SyntheticShop.write(files, products, fans, events, 42);
      List<Result> results = new ArrayList<>();
      Path lucene = work.resolve("lucene");
      results.add(
          measure(
              "lucene",
              LuceneBackend.open(lucene),
              work,
              files,
              fans,
              events,
              requests,
              () -> luceneBytes(lucene)));
      Path home = Files.createDirectories(work.resolve("es-home"));
      FanShelfTestNode node = FanShelfTestNode.start(home, "fanshelf-bench");
      URI uri = URI.create("http://127.0.0.1:" + node.httpPort());
      try (Rest5ClientTransport admin =
          new Rest5ClientTransport(Rest5Client.builder(uri).build(), new JacksonJsonpMapper())) {
        ElasticsearchClient client = new ElasticsearchClient(admin);
        ElasticsearchOptions options =
            ElasticsearchOptions.builder("bench", uri).replicas(0).build();
        results.add(
            measure(
                "elasticsearch",
                ElasticsearchBackend.open(options),
                work,
                files,
                fans,
                events,
                requests,
                () -> elasticsearchBytes(client)));
      } finally {
        node.close();
        node.awaitClose(30, TimeUnit.SECONDS);
      }
      print(results, load.stop());
    } finally {
      try (Stream<Path> paths = Files.walk(work)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Result measure(
      String name,
      StoreBackend store,
      Path work,
      Path files,
      int fans,
      int events,
      int requests,
      StorageReport storage)
      throws Exception {
    Instant now = SyntheticShop.START.plusSeconds(events * 6L + 60);
    IndexerOptions options =
        IndexerOptions.of(work.resolve("data-" + name)).withClock(Clock.fixed(now, ZoneOffset.UTC));
    try (Indexer indexer = Indexer.open(options, store)) {
      Map<String, ImportSummary.FileSummary> applied = new LinkedHashMap<>();
      ImportSummary summary =
          indexer.importFiles(
              ImportRequest.inDirectory(files),
              new ImportListener() {
                @Override
                public void applied(ImportSummary.FileSummary file) {
                  applied.put(file.kind(), file);
                }
              });
      Map<String, ImportSummary.FileSummary> imported = new LinkedHashMap<>();
      summary.files().forEach(file -> imported.put(file.kind(), file));
      long started = System.nanoTime();
      indexer.aggregates();
      double aggregateSeconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%s: imported in %.1f s, aggregates in %.1f s; load average %s%n",
          name,
          summary.elapsed().toNanos() / 1e9,
          aggregateSeconds,
          LoadSampler.now());

      Recommender recommender =
          Recommender.open(indexer, RecommenderOptions.defaults(), CurationLookup.NONE);
      long[] recommend = timeRecommendations(recommender, fans, requests, now);
      CatalogQuery bare =
          CatalogQuery.builder(20)
              .rule(new MatchRule.Attribute("skin_type", "oily"), 1f)
              .inStockOnly()
              .build();
      long[] bareQuery =
          time(
              requests,
              requests,
              () -> {
                try {
                  indexer.store().catalog().search(bare);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      return new Result(
          name, applied, imported, aggregateSeconds, recommend, bareQuery, storage.describe());
    }
  }

  /** Warm-up as many as measured; the same seeded sequence of fans on every backend. */
  private static long[] timeRecommendations(
      Recommender recommender, int fans, int requests, Instant now) {
    Random random = new Random(7);
    return time(
        requests,
        requests,
        () -> {
          int fan = random.nextInt(fans);
          try {
            recommender.recommend(SyntheticShop.forYou(fan, now));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private static long[] time(int warmUp, int measured, Runnable call) {
    for (int i = 0; i < warmUp; i++) {
      call.run();
    }
    long[] nanos = new long[measured];
    for (int i = 0; i < measured; i++) {
      long started = System.nanoTime();
      call.run();
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  @FunctionalInterface
  private interface StorageReport {
    String describe() throws IOException;
  }

  private static String luceneBytes(Path dir) throws IOException {
    long bytes;
    try (Stream<Path> files = Files.walk(dir)) {
      bytes =
          files
              .filter(Files::isRegularFile)
              .mapToLong(
                  file -> {
                    try {
                      return Files.size(file);
                    } catch (IOException e) {
                      return 0;
                    }
                  })
              .sum();
    }
    return String.format(Locale.ROOT, "%,d B on disk", bytes);
  }

  private static String elasticsearchBytes(ElasticsearchClient client) throws IOException {
    StringBuilder out = new StringBuilder();
    var stats = client.indices().stats(s -> s.index("bench-*")).indices();
    long total = 0;
    for (var entry : new java.util.TreeMap<>(stats).entrySet()) {
      long bytes = entry.getValue().primaries().store().sizeInBytes();
      total += bytes;
      out.append(String.format(Locale.ROOT, "%s %,d B, ", entry.getKey(), bytes));
    }
    return out.append(String.format(Locale.ROOT, "%,d B in all (not force-merged)", total))
        .toString();
  }

  private static void print(List<Result> results, String load) {
    Result lucene = results.get(0);
    Result es = results.get(1);
    System.out.println();
    System.out.println(
        "| import (rows/s, store write; with validation) | rows | lucene | elasticsearch | ratio |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    for (String kind : KINDS) {
      ImportSummary.FileSummary l = lucene.applied().get(kind);
      ImportSummary.FileSummary e = es.applied().get(kind);
      System.out.printf(
          Locale.ROOT,
          "| %s | %,d | %,.0f (%,.0f) | %,.0f (%,.0f) | %.1fx |%n",
          kind,
          l.rowsRead(),
          l.rowsPerSecond(),
          lucene.imported().get(kind).rowsPerSecond(),
          e.rowsPerSecond(),
          es.imported().get(kind).rowsPerSecond(),
          l.rowsPerSecond() / e.rowsPerSecond());
    }
    System.out.printf(
        Locale.ROOT,
        "| aggregates rebuilt from the log (s) | | %.1f | %.1f | %.1fx |%n",
        lucene.aggregateSeconds(),
        es.aggregateSeconds(),
        es.aggregateSeconds() / lucene.aggregateSeconds());
    System.out.println();
    System.out.println("| latency (us) | backend | p50 | p90 | p99 | p99.9 | mean |");
    System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    for (Result r : results) {
      row("recommend, for-you 20 items", r.backend(), r.recommendNanos());
    }
    for (Result r : results) {
      row("bare label-match top 20 (floor)", r.backend(), r.bareQueryNanos());
    }
    System.out.println();
    for (Result r : results) {
      System.out.println(r.backend() + " storage: " + r.storage());
    }
    System.out.println("load average (1 min) during the run: " + load);
  }

  private static void row(String what, String backend, long[] sorted) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %,d | %,d | %,d | %,d | %,d |%n",
        what,
        backend,
        percentile(sorted, 0.50) / 1000,
        percentile(sorted, 0.90) / 1000,
        percentile(sorted, 0.99) / 1000,
        percentile(sorted, 0.999) / 1000,
        (long) Arrays.stream(sorted).average().orElse(0) / 1000);
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** Samples the 1-minute load average every 10 s on a named daemon thread. */
  private static final class LoadSampler {
    private final List<Double> samples = new ArrayList<>();
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "fanshelf-bench-load");
              thread.setDaemon(true);
              return thread;
            });

    static LoadSampler start() {
      LoadSampler sampler = new LoadSampler();
      sampler.timer.scheduleAtFixedRate(sampler::sample, 0, 10, TimeUnit.SECONDS);
      return sampler;
    }

    private void sample() {
      String[] averages = now().split(" ");
      if (!averages[0].equals("unknown")) {
        synchronized (samples) {
          samples.add(Double.parseDouble(averages[0]));
        }
      }
    }

    /** min / mean / max of the samples. */
    String stop() {
      timer.shutdownNow();
      synchronized (samples) {
        double min = samples.stream().mapToDouble(d -> d).min().orElse(0);
        double max = samples.stream().mapToDouble(d -> d).max().orElse(0);
        double mean = samples.stream().mapToDouble(d -> d).average().orElse(0);
        return String.format(
            Locale.ROOT,
            "min %.2f, mean %.2f, max %.2f (%d samples every 10 s)",
            min,
            mean,
            max,
            samples.size());
      }
    }

    /** /proc/loadavg's three averages, or "unknown". */
    static String now() {
      try {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
      } catch (IOException | RuntimeException e) {
        return "unknown";
      }
    }
  }
}
