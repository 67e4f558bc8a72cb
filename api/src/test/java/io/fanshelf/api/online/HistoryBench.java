package io.fanshelf.api.online;

import io.fanshelf.api.event.EventsImported;
import io.fanshelf.api.redis.RedisHistory;
import io.fanshelf.api.redis.RedisLink;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.convert.BeautyDemoShop;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.store.EventReader;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchBackend;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchOptions;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.Section;
import io.fanshelf.recommender.activity.RecentActivity;
import io.fanshelf.recommender.activity.StoredHistory;
import io.fanshelf.recommender.rules.CurationLookup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.elasticsearch.node.FanShelfTestNode;

/**
 * A load generator for the Redis-first history (issue 18, item 4), not a test: the generated
 * beauty-home shop in an Elasticsearch node in this JVM, every fan's shelf opened (its four
 * sections recommended one after the other) twice, once by a recommender reading the history from
 * the store and once by one reading it from Redis first, the two alternating fan by fan in one run.
 * Prints the store history reads per recommendation and the shelf-open latency of each path (the
 * first open of a fan fills its Redis copy, the second hits it). Command and results:
 * docs/benchmarks.md, "History from Redis first".
 *
 * <p>Arguments: [redis URL, default redis://127.0.0.1:6379/0] [fans, default 800] [seed, default
 * 17]. Uses its own key prefix and deletes its keys at the end.
 */
public final class HistoryBench {
  private HistoryBench() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "redis://127.0.0.1:6379/0";
    int fanCount = args.length > 1 ? Integer.parseInt(args[1]) : 800;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 17;
    Path work = Files.createTempDirectory("fanshelf-history-bench");
    Path files = Files.createDirectories(work.resolve("shop"));
    new BeautyDemoShop(new BeautyDemoShop.Options(seed, fanCount)).generate(files);
    String prefix = RedisTestSupport.prefix();
    // the node first: it sets Netty's processor count, which Lettuce's Netty would set before it
    try (FanShelfTestNode node = FanShelfTestNode.start(work.resolve("es"), "history-bench")) {
      RedisLink redis = new RedisLink(url, prefix, Duration.ofSeconds(2));
      ElasticsearchOptions es =
          ElasticsearchOptions.builder(
                  "history-bench", URI.create("http://127.0.0.1:" + node.httpPort()))
              .replicas(0)
              .requestTimeout(Duration.ofSeconds(60))
              .build();
      Instant now = latest(files.resolve("events.csv.gz")).plus(Duration.ofDays(1));
      IndexerOptions options =
          IndexerOptions.of(work.resolve("data")).withClock(Clock.fixed(now, ZoneOffset.UTC));
      try (redis;
          Indexer indexer = Indexer.open(options, ElasticsearchBackend.open(es))) {
        indexer.importFiles(ImportRequest.inDirectory(files), ImportListener.NONE);
        Set<String> seen = new TreeSet<>();
        indexer.store().events().forEach(event -> seen.add(event.fan().value()));
        List<FanId> fans = new ArrayList<>(seen.stream().map(FanId::of).toList());
        Collections.shuffle(fans, new Random(seed));

        EventReader events = indexer.store().events();
        AtomicLong storeOnlyReads = new AtomicLong();
        StoredHistory fromStore =
            (fan, limit) -> {
              storeOnlyReads.incrementAndGet();
              return events.recent(fan, limit);
            };
        RecommenderOptions ranking = RecommenderOptions.defaults();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RedisHistory fromRedis =
            new RedisHistory(
                redis, events, ranking.historyLimit(), Duration.ofMinutes(10), registry);
        Recommender storeOnly =
            Recommender.open(indexer, ranking, CurationLookup.NONE, RecentActivity.NONE, fromStore);
        Recommender redisFirst =
            Recommender.open(indexer, ranking, CurationLookup.NONE, RecentActivity.NONE, fromRedis);

        // warm-up: the JIT, the node's caches and the signals, on other fans' requests than timed
        for (FanId fan : fans.subList(0, Math.min(50, fans.size()))) {
          open(storeOnly, fan, now);
          open(redisFirst, fan, now);
        }
        fromRedis.onImported(new EventsImported()); // forgets the copies the warm-up made
        storeOnlyReads.set(0);
        double hitsBefore = reads(registry, "redis");
        double missesBefore = reads(registry, "store");

        // [path][open][fan]: path 0 store only, 1 Redis first; the first open of a fan fills its
        // Redis copy, the second hits it; the two paths alternate which goes first, fan by fan
        long[][][] nanos = new long[2][2][fans.size()];
        Recommender[] paths = {storeOnly, redisFirst};
        for (int round = 0; round < 2; round++) {
          for (int i = 0; i < fans.size(); i++) {
            int first = (i + round) % 2;
            nanos[first][round][i] = open(paths[first], fans.get(i), now);
            nanos[1 - first][round][i] = open(paths[1 - first], fans.get(i), now);
          }
        }
        double hits = reads(registry, "redis") - hitsBefore;
        double misses = reads(registry, "store") - missesBefore;
        int recommendations = fans.size() * Section.values().length;
        // the history read alone, every fan's copy filled: the store's answer, then Redis' hit
        long[][] reads = new long[2][fans.size()];
        for (int i = 0; i < fans.size(); i++) {
          long started = System.nanoTime();
          events.recent(fans.get(i), ranking.historyLimit());
          reads[0][i] = System.nanoTime() - started;
          started = System.nanoTime();
          fromRedis.recent(fans.get(i), ranking.historyLimit());
          reads[1][i] = System.nanoTime() - started;
        }
        System.out.printf(
            Locale.ROOT,
            "%,d fans, %d sections per shelf open, history-limit %d, Elasticsearch node in this"
                + " JVM, Redis %s%n",
            fans.size(),
            Section.values().length,
            ranking.historyLimit(),
            url);
        System.out.printf(
            Locale.ROOT,
            "%-40s %16s %12s %12s%n",
            "shelf open (4 recommendations)",
            "store reads/rec",
            "median ms",
            "p99 ms");
        row("store only, first open", storeOnlyReads.get() / 2.0 / recommendations, nanos[0][0]);
        row("store only, second open", storeOnlyReads.get() / 2.0 / recommendations, nanos[0][1]);
        row("Redis first, first open", misses / recommendations, nanos[1][0]);
        row("Redis first, second open", 0, nanos[1][1]);
        System.out.printf(
            Locale.ROOT,
            "Redis-first hit rate over both opens: %.3f (%,.0f hits, %,.0f misses)%n",
            hits / (hits + misses),
            hits,
            misses);
        System.out.printf(
            Locale.ROOT, "%-40s %16s %12s %12s%n", "history read alone", "", "median ms", "p99 ms");
        row("store (Elasticsearch)", Double.NaN, reads[0]);
        row("Redis hit", Double.NaN, reads[1]);
        redis.call(commands -> commands.del(commands.keys(prefix + "*").toArray(String[]::new)));
      }
    }
  }

  private static double reads(SimpleMeterRegistry registry, String source) {
    return registry.get("fanshelf.history.reads").tag("source", source).counter().count();
  }

  /** One shelf open: the four sections one after the other, in nanoseconds. */
  private static long open(Recommender recommender, FanId fan, Instant now) throws Exception {
    long started = System.nanoTime();
    for (Section section : Section.values()) {
      recommender.recommend(
          new RecommendRequest(
              BeautyDemoShop.OWNER,
              fan,
              section == Section.FOR_YOU ? 20 : 10,
              section,
              Optional.empty(),
              List.of(),
              OptionalLong.empty(),
              OptionalLong.empty(),
              now));
    }
    return System.nanoTime() - started;
  }

  private static void row(String path, double storeReads, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-40s %16s %12.2f %12.2f%n",
        path,
        Double.isNaN(storeReads) ? "" : String.format(Locale.ROOT, "%.2f", storeReads),
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
  }

  /** The latest event time of the generated events file (column 5). */
  private static Instant latest(Path events) throws java.io.IOException {
    Instant latest = Instant.EPOCH;
    try (var lines =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(events)),
                java.nio.charset.StandardCharsets.UTF_8))) {
      lines.readLine(); // the header
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Instant time = java.time.OffsetDateTime.parse(line.split(",", -1)[4]).toInstant();
        if (time.isAfter(latest)) {
          latest = time;
        }
      }
    }
    return latest;
  }
}
