package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fanshelf.api.event.EventsImported;
import io.fanshelf.api.event.EventsStored;
import io.fanshelf.api.redis.RedisHistory;
import io.fanshelf.api.redis.RedisLink;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.convert.BeautyDemoShop;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.EventReader;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.activity.RecentActivity;
import io.fanshelf.recommender.rules.CurationLookup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Redis-first history on the real Redis server, against a generated shop (the beauty-home
 * generator, 300 fans, all their events imported in bulk) in a Lucene store: it answers as the
 * store does, so recommendations are the same, whether it hits or misses, after stored events, an
 * import, a fill racing a stored event, and a Redis server killed and restarted.
 */
class RedisHistoryIT {
  private static final int LIMIT = RecommenderOptions.defaults().historyLimit();

  @TempDir static Path dir;
  private static Indexer indexer;
  private static Instant now;
  private static List<FanId> fans;
  private static Recommender storeOnly;
  private static int nextEvent;

  private final String prefix = RedisTestSupport.prefix();
  private final RedisLink link = RedisTestSupport.link(prefix);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeAll
  static void shop() throws Exception {
    Path files = Files.createDirectories(dir.resolve("shop"));
    new BeautyDemoShop(new BeautyDemoShop.Options(18, 300)).generate(files);
    IndexerOptions probe = IndexerOptions.of(dir.resolve("probe"));
    Instant latest;
    try (Indexer scan = Indexer.open(probe, LuceneBackend.open(probe.dataDir()))) {
      scan.importFiles(ImportRequest.inDirectory(files), ImportListener.NONE);
      latest = latest(scan.store().events());
    }
    now = latest.plus(Duration.ofDays(1));
    IndexerOptions options =
        IndexerOptions.of(dir.resolve("store")).withClock(Clock.fixed(now, ZoneOffset.UTC));
    indexer = Indexer.open(options, LuceneBackend.open(options.dataDir()));
    indexer.importFiles(ImportRequest.inDirectory(files), ImportListener.NONE);
    Set<FanId> seen = new TreeSet<>(java.util.Comparator.comparing(FanId::value));
    indexer.store().events().forEach(event -> seen.add(event.fan()));
    fans = List.copyOf(seen);
    storeOnly = Recommender.open(indexer, RecommenderOptions.defaults(), CurationLookup.NONE);
  }

  private static Instant latest(EventReader events) throws IOException {
    Instant[] latest = {Instant.EPOCH};
    events.forEach(
        event -> {
          if (event.time().isAfter(latest[0])) {
            latest[0] = event.time();
          }
        });
    return latest[0];
  }

  @AfterAll
  static void close() throws IOException {
    indexer.close();
  }

  @AfterEach
  void clean() {
    RedisTestSupport.clean(link, prefix);
  }

  private RedisHistory history(RedisLink redis, EventReader store, int limit) {
    return new RedisHistory(redis, store, limit, Duration.ofMinutes(10), registry);
  }

  private Recommender redisFirst(RedisHistory history) throws IOException {
    return Recommender.open(
        indexer, RecommenderOptions.defaults(), CurationLookup.NONE, RecentActivity.NONE, history);
  }

  private double reads(String source) {
    return registry.get("fanshelf.history.reads").tag("source", source).counter().count();
  }

  @Test
  void everyFanOfAGeneratedShopGetsTheSameRecommendationsFromRedisAsFromTheStore()
      throws IOException {
    Recommender fromRedis = redisFirst(history(link, indexer.store().events(), LIMIT));
    assertThat(fans).hasSizeGreaterThan(250);
    for (int pass = 0; pass < 2; pass++) { // the first pass fills, the second hits
      for (FanId fan : fans) {
        RecommendRequest request = RecommendRequest.forYou(BeautyDemoShop.OWNER, fan, 10, now);
        assertThat(fromRedis.recommend(request))
            .as("fan %s, pass %d", fan, pass)
            .isEqualTo(storeOnly.recommend(request));
        assertThat(fromRedis.fanContext(BeautyDemoShop.OWNER, fan, now).history())
            .as("fan %s, pass %d", fan, pass)
            .map(RedisHistoryIT::asRanked)
            .containsExactlyElementsOf(
                storeOnly.fanContext(BeautyDemoShop.OWNER, fan, now).history().stream()
                    .map(RedisHistoryIT::asRanked)
                    .toList());
      }
    }
    // per fan: the first read (recommend, pass 0) misses and fills, the three others hit
    assertThat(reads("store")).isEqualTo(fans.size());
    assertThat(reads("redis")).isEqualTo(3.0 * fans.size());
  }

  @Test
  void aMissReadsTheStoreAndFillsTheNextReadHits() throws IOException {
    RedisHistory history = history(link, indexer.store().events(), LIMIT);
    FanId fan = fans.get(3);
    List<Event> first = history.recent(fan, LIMIT);
    assertThat(reads("store")).isEqualTo(1);
    assertThat(reads("redis")).isZero();
    List<Event> second = history.recent(fan, LIMIT);
    assertThat(reads("redis")).isEqualTo(1);
    assertThat(second).map(RedisHistoryIT::asRanked).isEqualTo(ranked(first)).isNotEmpty();
    // another limit than the recommender's is not copied
    history.recent(fan, 5);
    assertThat(reads("store")).isEqualTo(2);
  }

  @Test
  void aFanWithMoreEventsThanTheLimitKeepsTheLatestAsStoredEventsArrive() throws Exception {
    int limit = 20;
    FanId fan = busiestFan(limit);
    RedisHistory history = history(link, indexer.store().events(), limit);
    history.recent(fan, limit); // the fill
    Instant newest = history.recent(fan, limit).getFirst().time();
    Instant oldestKept = history.recent(fan, limit).getLast().time();
    ProductId product = history.recent(fan, limit).getFirst().product();
    List<Event> batch =
        List.of(
            event(fan, product, EventType.VIEW, newest.plusSeconds(60)),
            event(fan, product, EventType.CART, newest.plusSeconds(60)), // same time: by id
            event(fan, product, EventType.PURCHASE, newest.minusSeconds(1)), // in the middle
            event(fan, product, EventType.VIEW, oldestKept.minus(Duration.ofDays(30))), // too old
            rating(fan, product, newest.plusSeconds(120), 5));
    store(history, batch);
    store(history, batch.subList(0, 2)); // a second node storing the same events (Lucene)
    List<Event> fromRedis = history.recent(fan, limit);
    assertThat(reads("redis")).isEqualTo(4);
    assertThat(fromRedis).hasSize(limit);
    assertThat(ranked(fromRedis)).isEqualTo(ranked(indexer.store().events().recent(fan, limit)));
    assertThat(fromRedis.getFirst().value()).isEqualTo(OptionalDouble.of(5));
  }

  @Test
  void aFanWhoseEventsWereOnlyImportedMissesOnceAndAnImportForgetsEveryCopy() throws Exception {
    RedisHistory history = history(link, indexer.store().events(), LIMIT);
    FanId fan = fans.get(7);
    List<Event> imported = indexer.store().events().recent(fan, LIMIT);
    assertThat(imported).isNotEmpty();
    assertThat(ranked(history.recent(fan, LIMIT))).isEqualTo(ranked(imported));
    assertThat(ranked(history.recent(fan, LIMIT))).isEqualTo(ranked(imported));
    assertThat(reads("store")).isEqualTo(1);

    // an import adds an event past the event stream: the copy is forgotten, the next read misses
    Path file = dir.resolve("more-" + prefix.replace(":", "") + ".jsonl");
    Files.writeString(
        file,
        "{\"id\":\"imported-"
            + prefix.replace(":", "")
            + "\",\"fan\":\""
            + fan.value()
            + "\",\"product\":\""
            + imported.getFirst().product().value()
            + "\",\"type\":\"purchase\",\"time\":\""
            + now.minusSeconds(5)
            + "\"}\n");
    indexer.importFiles(ImportRequest.none().withEvents(file), ImportListener.NONE);
    history.onImported(new EventsImported());
    List<Event> afterImport = history.recent(fan, LIMIT);
    assertThat(reads("store")).isEqualTo(2);
    assertThat(afterImport.getFirst().id().value()).startsWith("imported-");
    assertThat(ranked(afterImport)).isEqualTo(ranked(indexer.store().events().recent(fan, LIMIT)));
  }

  @Test
  void anEventStoredWhileAMissReadsTheStoreIsInTheCopy() throws Exception {
    FanId fan = fans.get(11);
    EventReader real = indexer.store().events();
    AtomicBoolean once = new AtomicBoolean();
    RedisHistory[] history = new RedisHistory[1];
    // the store answers the miss, then (before the fill) another node stores an event of the fan
    EventReader racing =
        (EventReader)
            Proxy.newProxyInstance(
                EventReader.class.getClassLoader(),
                new Class<?>[] {EventReader.class},
                (proxy, method, args) -> {
                  try {
                    Object answer = method.invoke(real, args);
                    if (method.getName().equals("recent") && once.compareAndSet(false, true)) {
                      store(
                          history[0],
                          List.of(
                              event(
                                  fan,
                                  ((Event) ((List<?>) answer).getFirst()).product(),
                                  EventType.CLICK,
                                  now.minusSeconds(1))));
                    }
                    return answer;
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    history[0] = history(link, racing, LIMIT);
    List<Event> missed = history[0].recent(fan, LIMIT);
    List<Event> hit = history[0].recent(fan, LIMIT);
    assertThat(reads("redis")).isEqualTo(1);
    assertThat(ranked(hit)).isNotEqualTo(ranked(missed));
    assertThat(ranked(hit)).isEqualTo(ranked(real.recent(fan, LIMIT)));
  }

  @Test
  void whileRedisIsDownTheStoreAnswersAndAfterwardsNothingStoredMeanwhileIsLost() throws Exception {
    try (RedisServerProcess server = RedisServerProcess.start(9471);
        RedisLink own = new RedisLink(server.url(), prefix, Duration.ofMillis(250))) {
      await().until(own::reachable);
      RedisHistory history = history(own, indexer.store().events(), LIMIT);
      FanId fan = fans.get(13);
      history.recent(fan, LIMIT);
      history.recent(fan, LIMIT);
      assertThat(reads("redis")).isEqualTo(1);

      server.kill();
      Event during =
          event(
              fan,
              history.recent(fan, LIMIT).getFirst().product(),
              EventType.PURCHASE,
              now.minusSeconds(2));
      store(history, List.of(during)); // the copy cannot be told
      assertThat(own.reachable()).isFalse();
      List<Event> whileDown = history.recent(fan, LIMIT);
      assertThat(whileDown.getFirst().id()).isEqualTo(during.id());
      double storeReads = reads("store");

      server.restart(); // append-only file: the old copy (without the event) is back
      await().atMost(Duration.ofSeconds(20)).until(own::reachable);
      List<Event> after = history.recent(fan, LIMIT);
      assertThat(reads("store")).isEqualTo(storeReads + 1); // the generation moved on: a miss
      assertThat(ranked(after)).isEqualTo(ranked(indexer.store().events().recent(fan, LIMIT)));
      assertThat(ranked(history.recent(fan, LIMIT))).isEqualTo(ranked(after));
    }
  }

  /** Stores {@code events} as the stream consumer does, then tells the history. */
  private static void store(RedisHistory history, List<Event> events) throws Exception {
    Indexer.Appended appended = indexer.appendEvents(events);
    history.onStored(new EventsStored(appended.stored().isEmpty() ? events : appended.stored()));
  }

  private static FanId busiestFan(int atLeast) throws IOException {
    for (FanId fan : fans) {
      if (indexer.store().events().recent(fan, atLeast * 3).size() == atLeast * 3) {
        return fan;
      }
    }
    throw new AssertionError("no fan with " + atLeast * 3 + " events");
  }

  private static Event event(FanId fan, ProductId product, EventType type, Instant time) {
    return new Event(
        EventId.of("hist-it-" + nextEvent++),
        fan,
        product,
        type,
        time,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty());
  }

  private static Event rating(FanId fan, ProductId product, Instant time, double score) {
    return new Event(
        EventId.of("hist-it-" + nextEvent++),
        fan,
        product,
        EventType.RATING,
        time,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.of(score));
  }

  /** What ranking reads of an event (owner, page and source it never reads from the history). */
  private record Ranked(
      EventId id, ProductId product, EventType type, Instant time, OptionalDouble value) {}

  private static Ranked asRanked(Event event) {
    return new Ranked(event.id(), event.product(), event.type(), event.time(), event.value());
  }

  private static List<Ranked> ranked(List<Event> events) {
    List<Ranked> ranked = new ArrayList<>();
    events.forEach(event -> ranked.add(asRanked(event)));
    return ranked;
  }
}
