package io.fanshelf.api.online;

import io.fanshelf.api.auth.InMemoryRateLimiter;
import io.fanshelf.api.auth.RateLimiter;
import io.fanshelf.api.redis.OnlineStateConfiguration;
import io.fanshelf.api.redis.RedisEventQueue;
import io.fanshelf.api.redis.RedisLink;
import io.fanshelf.api.redis.RedisRateLimiter;
import io.fanshelf.api.redis.RedisRecentActivity;
import io.fanshelf.api.redis.RedisShelfCache;
import io.fanshelf.api.shelf.InMemoryShelfCache;
import io.fanshelf.api.shelf.Shelf;
import io.fanshelf.api.shelf.ShelfCache;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.Reason;
import io.fanshelf.recommender.RecommendedItem;
import io.fanshelf.recommender.Section;
import io.fanshelf.recommender.activity.InMemoryRecentActivity;
import io.fanshelf.recommender.activity.RecentActivity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A load generator for the online state (issue 6), not a test: Redis memory per fan with a million
 * fans, and operations per second of each Redis-backed piece next to its in-memory twin, measured
 * in one run against a real Redis server. Command and results: docs/benchmarks.md, "Online state in
 * Redis".
 *
 * <p>Arguments: [redis URL, default redis://127.0.0.1:6379/0] [fans, default 1000000] [seconds per
 * throughput run, default 5] [threads, default 8]. Uses its own key prefix and deletes its keys at
 * the end.
 */
public final class OnlineStateBench {
  private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

  private OnlineStateBench() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "redis://127.0.0.1:6379/0";
    int fans = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    String prefix = "fsbench-" + Long.toHexString(System.nanoTime()) + ":";
    RedisLink redis = new RedisLink(url, prefix, Duration.ofSeconds(5));
    if (!redis.reachable()) {
      throw new IllegalStateException("Redis at " + url + " unreachable: " + redis.lastError());
    }
    try {
      memory(redis, fans);
      throughput(redis, seconds, threads);
    } finally {
      clean(redis, prefix);
      redis.close();
    }
  }

  /** Fan ids as the platform's: "f" and up to 7 digits; product ids of 7 digits (as the demo's). */
  static String fan(int i) {
    return "f" + i;
  }

  static String product(int i) {
    return Integer.toString(1_000_000 + i % 9_000_000);
  }

  private static void memory(RedisLink redis, int fans) {
    RecentActivity recent = new RedisRecentActivity(redis, 8);
    long before = usedMemory(redis);
    long started = System.nanoTime();
    SplittableRandom random = new SplittableRandom(7);
    List<Event> batch = new ArrayList<>(1_000);
    EventType[] types = {EventType.VIEW, EventType.VIEW, EventType.CLICK, EventType.CART};
    int id = 0;
    for (int f = 0; f < fans; f++) {
      for (int e = 0; e < 8; e++) {
        batch.add(
            Event.of(
                "m" + id++,
                fan(f),
                product(random.nextInt(1_000_000)),
                types[e % types.length],
                T0.plusSeconds(random.nextInt(86_400 * 30))));
      }
      if (batch.size() >= 1_000 || f == fans - 1) {
        recent.record(batch);
        batch.clear();
      }
    }
    double loadSeconds = (System.nanoTime() - started) / 1e9;
    long after = usedMemory(redis);
    int kept = recent.recent(FanId.of(fan(0))).size();
    System.out.printf(
        Locale.ROOT,
        "recent activity: %,d fans x %d entries written in %.1f s (%,.0f events/s);"
            + " used_memory +%,d B = %.1f B/fan = %.1f MiB per million fans (fan 0 keeps %d)%n",
        fans,
        8,
        loadSeconds,
        fans * 8 / loadSeconds,
        after - before,
        (after - before) / (double) fans,
        (after - before) / (double) fans * 1_000_000 / (1 << 20),
        kept);
    long shelfBytes = shelfEntryBytes(redis);
    System.out.printf(
        Locale.ROOT, "one cached shelf (30 items): %,d B (MEMORY USAGE)%n", shelfBytes);
    String batchJson = OnlineStateConfiguration.storedJson().writeValueAsString(events(0, 500));
    System.out.printf(
        Locale.ROOT,
        "event stream entry: %.0f B per event (JSON of a 500-event batch)%n",
        batchJson.length() / 500.0);
  }

  private static long shelfEntryBytes(RedisLink redis) {
    Map<ProductId, Product> catalog = catalog(30);
    RedisShelfCache cache =
        new RedisShelfCache(
            redis,
            OnlineStateConfiguration.storedJson(),
            id -> Optional.ofNullable(catalog.get(id)),
            Duration.ofMinutes(5),
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    cache.put(shelf(catalog, OwnerId.of("shop-bench"), FanId.of("f-shelf")));
    return redis.call(c -> c.memoryUsage(redis.key("shelf:f-shelf"))).orElse(-1L);
  }

  private static void throughput(RedisLink redis, int seconds, int threads) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "%n%d threads, %d s per run; operations per second (in memory | Redis | Redis cost)%n",
        threads,
        seconds);
    RecentActivity memoryActivity = new InMemoryRecentActivity(8, 100_000);
    RecentActivity redisActivity = new RedisRecentActivity(redis, 8);
    compare(
        "recent activity: record a batch of 100 events (events/s)",
        100,
        ops(seconds, threads, i -> memoryActivity.record(events(i, 100))),
        ops(seconds, threads, i -> redisActivity.record(events(i, 100))));
    compare(
        "recent activity: read one fan",
        1,
        ops(seconds, threads, i -> memoryActivity.recent(FanId.of(fan(i % 50_000)))),
        ops(seconds, threads, i -> redisActivity.recent(FanId.of(fan(i % 50_000)))));

    Map<ProductId, Product> catalog = catalog(30);
    OwnerId owner = OwnerId.of("shop-bench");
    ShelfCache memoryCache =
        new InMemoryShelfCache(Duration.ofHours(1), Clock.systemUTC(), new SimpleMeterRegistry());
    ShelfCache redisCache =
        new RedisShelfCache(
            redis,
            OnlineStateConfiguration.storedJson(),
            id -> Optional.ofNullable(catalog.get(id)),
            Duration.ofHours(1),
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    for (int f = 0; f < 1_000; f++) {
      Shelf shelf = shelf(catalog, owner, FanId.of(fan(f)));
      memoryCache.put(shelf);
      redisCache.put(shelf);
    }
    compare(
        "shelf cache: hit (30-item shelf)",
        1,
        ops(seconds, threads, i -> memoryCache.get(owner, FanId.of(fan(i % 1_000))).orElseThrow()),
        ops(seconds, threads, i -> redisCache.get(owner, FanId.of(fan(i % 1_000))).orElseThrow()));

    RateLimiter memoryLimiter = new InMemoryRateLimiter();
    RateLimiter redisLimiter = new RedisRateLimiter(redis, new InMemoryRateLimiter());
    RateLimiter.Limit generous = new RateLimiter.Limit(1e9, 1_000_000_000);
    compare(
        "rate limit: acquire (1,000 buckets)",
        1,
        ops(seconds, threads, i -> memoryLimiter.acquire("key:" + i % 1_000, generous)),
        ops(seconds, threads, i -> redisLimiter.acquire("key:" + i % 1_000, generous)));

    RedisEventQueue queue =
        new RedisEventQueue(
            redis,
            OnlineStateConfiguration.storedJson(),
            Duration.ofMinutes(15),
            Clock.systemUTC(),
            Optional::empty,
            RedisEventQueue.Bound.NONE);
    double queued = ops(seconds, threads, i -> queue.offer(events(i, 500)));
    System.out.printf(
        Locale.ROOT,
        "%-58s %14s | %,12.0f |%n",
        "event stream: queue a batch of 500 events (events/s)",
        "-",
        queued * 500);
  }

  private static void compare(String what, int per, double memory, double redis) {
    System.out.printf(
        Locale.ROOT,
        "%-58s %,14.0f | %,12.0f | %5.1fx slower%n",
        what,
        memory * per,
        redis * per,
        memory / redis);
  }

  /** Runs {@code op} on {@code threads} threads for {@code seconds} after a 1 s warm-up. */
  private static double ops(int seconds, int threads, IntConsumer op) throws Exception {
    run(1, threads, op);
    return run(seconds, threads, op);
  }

  private static double run(int seconds, int threads, IntConsumer op) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Long>> counts = new ArrayList<>();
    long started = System.nanoTime();
    long end = started + seconds * 1_000_000_000L;
    for (int t = 0; t < threads; t++) {
      int seed = t * 1_000_003;
      counts.add(
          pool.submit(
              () -> {
                long n = 0;
                while (System.nanoTime() < end) {
                  op.accept((int) (seed + n));
                  n++;
                }
                return n;
              }));
    }
    long total = 0;
    for (Future<Long> count : counts) {
      total += count.get();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    return total / elapsed;
  }

  private static List<Event> events(int seed, int n) {
    List<Event> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int k = seed * 31 + i;
      events.add(
          Event.of(
              "t" + seed + "-" + i,
              fan(Math.floorMod(k, 50_000)),
              product(Math.floorMod(k * 7, 100_000)),
              i % 3 == 0 ? EventType.CLICK : EventType.VIEW,
              T0.plusSeconds(Math.floorMod(k, 86_400))));
    }
    return events;
  }

  private static Map<ProductId, Product> catalog(int n) {
    Map<ProductId, Product> catalog = new HashMap<>();
    for (int i = 0; i < n; i++) {
      ProductId id = ProductId.of(product(i));
      catalog.put(
          id,
          new Product(
              id,
              "商品 " + i,
              List.of("美妆", "面霜"),
              Optional.empty(),
              9_900 + i,
              10,
              Map.of(),
              Set.of(),
              T0,
              Optional.empty(),
              0.1));
    }
    return catalog;
  }

  private static Shelf shelf(Map<ProductId, Product> catalog, OwnerId owner, FanId fan) {
    List<RecommendedItem> items = new ArrayList<>();
    for (Product product : catalog.values()) {
      items.add(
          new RecommendedItem(
              product,
              0.5,
              Set.of("label-match", "popular"),
              List.of(new Reason(Reason.Kind.LABEL_MATCH, List.of("干皮", "dry skin"))),
              false));
    }
    return new Shelf(
        owner,
        fan,
        List.of(
            new Shelf.ShelfSection(Section.FOR_YOU, items.subList(0, 12)),
            new Shelf.ShelfSection(Section.MATCHES_YOUR_LABELS, items.subList(12, 18)),
            new Shelf.ShelfSection(Section.RECENTLY_VIEWED, items.subList(18, 24)),
            new Shelf.ShelfSection(Section.NEW_ARRIVALS, items.subList(24, 30))),
        "heuristic",
        Instant.now());
  }

  private static long usedMemory(RedisLink redis) {
    String info = redis.call(c -> c.info("memory")).orElseThrow();
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).strip());
      }
    }
    throw new IllegalStateException("no used_memory in INFO memory");
  }

  private static void clean(RedisLink redis, String prefix) {
    redis.call(
        c -> {
          io.lettuce.core.ScanCursor cursor = io.lettuce.core.ScanCursor.INITIAL;
          long deleted = 0;
          do {
            io.lettuce.core.KeyScanCursor<String> page =
                c.scan(
                    cursor, io.lettuce.core.ScanArgs.Builder.matches(prefix + "*").limit(10_000));
            if (!page.getKeys().isEmpty()) {
              deleted += c.unlink(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
          } while (!cursor.isFinished());
          return deleted;
        });
  }
}
