package io.fanshelf.api.online;

import static org.awaitility.Awaitility.await;

import io.fanshelf.api.redis.OnlineStateConfiguration;
import io.fanshelf.api.redis.RedisEventQueue;
import io.fanshelf.api.redis.RedisLink;
import io.fanshelf.api.redis.StreamIndexer;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A load generator for the event stream's consumer (issue 16), not a test: fills the stream with
 * event batches, then times one node's consumer storing them into a real Lucene store, once per
 * setting (entries per append, consumers), in one run against a real Redis server. Command and
 * results: docs/benchmarks.md, "Event stream consumer".
 *
 * <p>Arguments: [redis URL, default redis://127.0.0.1:6379/0] [batches, default 2000] [events per
 * batch, default 20]. Uses its own key prefixes and deletes its keys and stores at the end.
 */
public final class StreamConsumerBench {
  private static final List<String> FIXTURE =
      List.of("taxonomy.json", "owners.csv", "catalog.jsonl", "fans.csv");

  private StreamConsumerBench() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "redis://127.0.0.1:6379/0";
    int batches = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int perBatch = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    System.out.printf(
        Locale.ROOT,
        "%,d batches of %d events queued first, then stored by one node's consumers%n",
        batches,
        perBatch);
    System.out.printf(
        Locale.ROOT, "%-44s %10s %12s %12s%n", "consumer", "seconds", "batches/s", "events/s");
    // One entry per append is how the consumer stored before issue 16.
    run(url, batches, perBatch, new StreamIndexer.Options(1, 1, Duration.ofMinutes(1)));
    run(url, batches, perBatch, new StreamIndexer.Options(1, 500, Duration.ofMinutes(1)));
    run(url, batches, perBatch, new StreamIndexer.Options(2, 500, Duration.ofMinutes(1)));
  }

  private static void run(String url, int batches, int perBatch, StreamIndexer.Options options)
      throws Exception {
    String prefix = RedisTestSupport.prefix();
    Path data = Files.createTempDirectory("fanshelf-stream-bench");
    RedisLink redis = new RedisLink(url, prefix, Duration.ofSeconds(2));
    try (Indexer indexer = Indexer.open(IndexerOptions.of(data.resolve("store")))) {
      indexer.importFiles(ImportRequest.inDirectory(fixture(data)), ImportListener.NONE);
      RedisEventQueue queue =
          new RedisEventQueue(
              redis,
              OnlineStateConfiguration.storedJson(),
              Duration.ofHours(1),
              Clock.systemUTC(),
              Optional::empty,
              RedisEventQueue.Bound.NONE);
      for (int n = 0; n < batches; n++) {
        queue.offer(batch(n, perBatch));
      }
      long started = System.nanoTime();
      try (StreamIndexer consumer =
          new StreamIndexer(
                  redis,
                  indexer::appendEvents,
                  OnlineStateConfiguration.storedJson(),
                  "bench",
                  "node-bench",
                  options)
              .start()) {
        await()
            .atMost(Duration.ofHours(1))
            .pollInterval(Duration.ofMillis(5))
            .until(() -> consumer.storedBatches() >= batches);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%-44s %10.2f %,12.0f %,12.0f%n",
          options.consumers() + " consumer(s), " + options.batchEntries() + " entries per append",
          seconds,
          batches / seconds,
          batches * perBatch / seconds);
    } finally {
      RedisTestSupport.clean(redis, prefix);
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
  }

  private static List<Event> batch(int n, int size) {
    List<Event> events = new ArrayList<>();
    Instant time = Instant.parse("2026-11-22T08:00:00Z").plusSeconds(n);
    for (int i = 0; i < size; i++) {
      events.add(
          Event.of(
              "b" + n + "-" + i,
              "fan-000" + (1 + i % 6),
              "bh-0" + String.format(Locale.ROOT, "%02d", 1 + (n + i) % 20),
              EventType.VIEW,
              time));
    }
    return events;
  }

  /** The beauty-home fixture's files the events need (products, owners), from the classpath. */
  private static Path fixture(Path data) throws IOException {
    Path dir = Files.createDirectories(data.resolve("fixture"));
    for (String name : FIXTURE) {
      try (InputStream in =
          StreamConsumerBench.class.getResourceAsStream("/fixtures/beauty-home/" + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    return dir;
  }
}
