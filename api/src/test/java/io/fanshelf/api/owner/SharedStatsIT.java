package io.fanshelf.api.owner;

import static io.fanshelf.api.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fanshelf.api.event.EventsStored;
import io.fanshelf.api.event.StoringGate;
import io.fanshelf.api.funnel.FunnelLedger;
import io.fanshelf.api.funnel.FunnelProperties;
import io.fanshelf.api.online.RedisTestSupport;
import io.fanshelf.api.redis.OnlineStateConfiguration;
import io.fanshelf.api.redis.RedisLink;
import io.fanshelf.api.redis.RedisStatsFeed;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import io.lettuce.core.XTrimArgs;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared owner statistics snapshot on the real Redis server, over a Lucene store standing in
 * for the shared one: a node started later loads the snapshot and counts the statistics feed after
 * it, ending where the running node is, without counting the store; a snapshot that is corrupt, of
 * another store, past the feed's end, older than the feed holds, or missing is refused and the node
 * counts the store; an import on one node makes the others count the store again.
 */
class SharedStatsIT {
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
  private static final List<OwnerId> OWNERS = List.of(OwnerId.of("o1"), OwnerId.of("o2"));
  private static final Duration WINDOW = Duration.ofDays(7);
  private static final Clock CLOCK = Clock.fixed(T.plus(Duration.ofDays(40)), ZoneOffset.UTC);

  @TempDir Path dir;
  private final String prefix = RedisTestSupport.prefix();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final Map<StatsService, FunnelLedger> funnels = new IdentityHashMap<>();
  // The funnel of a single node that stored every event the nodes stored, in the order they did.
  private FunnelLedger single;
  private RedisLink redis;
  private Indexer indexer;

  @BeforeEach
  void open() throws Exception {
    redis = RedisTestSupport.link(prefix);
    // Written by the test only (writeSharedSnapshot), not on the schedule.
    indexer =
        Indexer.open(
            IndexerOptions.of(dir.resolve("store")).withSnapshotInterval(Duration.ofHours(1)));
    single = new FunnelLedger(indexer, new FunnelProperties(WINDOW));
    StringBuilder catalog = new StringBuilder("id,title,category,brand,price,stock,created_at\n");
    for (int i = 0; i < 6; i++) {
      catalog.append("p%d,商品%d,美妆>护肤,b1,%d,5,2026-01-01T00:00:00Z%n".formatted(i, i, 10 + i));
    }
    Path catalogFile = Files.writeString(dir.resolve("catalog.csv"), catalog);
    Path ownersFile =
        Files.writeString(
            dir.resolve("owners.csv"), "id,name,locale\no1,Shop 1,zh-CN\no2,Shop 2,en\n");
    indexer.importFiles(
        ImportRequest.none().withOwners(ownersFile).withCatalog(catalogFile), ImportListener.NONE);
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : opened.reversed()) {
      closeable.close();
    }
    indexer.close();
    RedisTestSupport.clean(redis, prefix);
  }

  /** A node's statistics: its own feed client (as each node has) on the one store. */
  private StatsService node(String name) throws IOException {
    RedisStatsFeed feed =
        new RedisStatsFeed(
            redis,
            OnlineStateConfiguration.storedJson(),
            Duration.ofMinutes(15),
            Clock.systemUTC(),
            name);
    opened.add(feed);
    FunnelLedger funnel = new FunnelLedger(indexer, new FunnelProperties(WINDOW));
    StatsService service =
        new StatsService(
            indexer,
            new FanService(indexer, CLOCK, event -> {}),
            CLOCK,
            Optional.of(feed),
            funnel,
            new StoringGate());
    opened.add(service);
    funnels.put(service, funnel);
    return service;
  }

  /**
   * What a node does with a batch it stored: publishes the new events the statistics or the funnel
   * count to the feed.
   */
  private void store(StatsService node, List<Event> events) throws Exception {
    List<Event> stored = indexer.appendEvents(events).stored();
    stored.forEach(single::count);
    node.onStored(new EventsStored(stored));
  }

  /** Writes the shared snapshot from {@code node}, its turn taken from whoever had it. */
  private void write(StatsService node, String name) throws IOException {
    redis.call(c -> c.del(prefix + "stats:snapshot:lock"));
    node.writeSharedSnapshot();
    assertThat(redis.call(c -> c.hget(prefix + "stats:snapshot", "node"))).contains(name);
  }

  @Test
  void aLaterStartLoadsTheSnapshotAndCountsTheFeedAfterIt() throws Exception {
    StatsService a = node("node-a");
    assertThat(a.startedFromSnapshot()).as("nothing shared yet").isFalse();
    store(a, events("s", 0, 300));
    await().atMost(Duration.ofSeconds(20)).until(() -> dump(a).equals(countAll()));
    write(a, "node-a");
    store(a, events("s", 300, 200));
    await().atMost(Duration.ofSeconds(20)).until(() -> dump(a).equals(countAll()));

    StatsService b = node("node-b");
    assertThat(b.startedFromSnapshot()).as("started from the shared snapshot").isTrue();
    assertThat(dump(b)).isEqualTo(dump(a));
    // and both go on counting the feed: an event stored through A shows on B
    store(a, events("s", 500, 50));
    await().atMost(Duration.ofSeconds(20)).until(() -> dump(b).equals(countAll()));
    assertThat(dump(a)).isEqualTo(dump(b));
  }

  @Test
  void theFunnelOfEventsStoredOnEitherNodeIsTheSameOnBothAndOnALaterOne() throws Exception {
    StatsService a = node("node-a");
    StatsService b = node("node-b");
    // Clicks on the owners' shelves stored by A, purchases without an owner after them by B:
    // neither node stores both, and each gives the purchases to the clicks' owners.
    List<Event> clicks = new ArrayList<>();
    List<Event> purchases = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Instant at = T.plus(Duration.ofHours(i));
      FanId fan = FanId.of("f" + i);
      ProductId product = ProductId.of("p" + i % 6);
      clicks.add(event("click-" + i, fan, product, EventType.CLICK, at, OWNERS.get(i % 2)));
      purchases.add(event("buy-" + i, fan, product, EventType.PURCHASE, at.plusSeconds(300), null));
    }
    store(a, clicks);
    store(b, purchases);
    // then random events of every kind, the batches alternating between the nodes
    for (int batch = 0; batch < 6; batch++) {
      store(batch % 2 == 0 ? a : b, events("f", 12 + 80 * batch, 80));
    }
    List<String> all = storedInOrder();
    FunnelLedger ownedOnly = new FunnelLedger(indexer, new FunnelProperties(WINDOW));
    indexer.store().events().forEach(e -> e.owner().ifPresent(o -> ownedOnly.count(e)));
    assertThat(all.getLast())
        .as("purchases without an owner are attributed to clicks")
        .isNotEqualTo("funnel " + bytes(ownedOnly));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(dump(a)).isEqualTo(all));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(dump(b)).isEqualTo(all));
    // a node started later: the shared snapshot, then the feed after it
    write(b, "node-b");
    store(a, events("f", 600, 80));
    StatsService c = node("node-c");
    assertThat(c.startedFromSnapshot()).isTrue();
    List<String> more = storedInOrder();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(dump(c)).isEqualTo(more));
    assertThat(dump(a)).isEqualTo(more);
  }

  @Test
  void anImportOnOneNodeMakesTheOthersCountTheStoreAgain() throws Exception {
    StatsService a = node("node-a");
    StatsService b = node("node-b");
    store(a, events("i", 0, 200));
    await().atMost(Duration.ofSeconds(20)).until(() -> dump(b).equals(countAll()));
    // an import: stored without the feed, then the importing node counts again
    indexer.appendEvents(events("i", 200, 300));
    a.rebuild();
    assertThat(dump(a)).isEqualTo(countAll());
    await().atMost(Duration.ofSeconds(20)).until(() -> dump(b).equals(countAll()));
    // a snapshot written after it includes the import for the next start
    write(b, "node-b");
    StatsService c = node("node-c");
    assertThat(c.startedFromSnapshot()).isTrue();
    assertThat(dump(c)).isEqualTo(countAll());
  }

  @Test
  void aRefusedOrMissingSnapshotIsCountedFromTheStore() throws Exception {
    StatsService a = node("node-a");
    store(a, events("r", 0, 300));
    await().atMost(Duration.ofSeconds(20)).until(() -> dump(a).equals(countAll()));
    String key = prefix + "stats:snapshot";
    // corrupt: one bit of the file changed, the CRC32C no longer matches
    assertCountedFromStore(
        a,
        () -> {
          String chunkKey = key + ":" + redis.call(c -> c.hget(key, "id")).orElseThrow() + ":0";
          byte[] chunk = redis.callBinary(c -> c.get(chunkKey)).orElseThrow();
          chunk[chunk.length / 2] ^= 1;
          redis.callBinary(c -> c.set(chunkKey, chunk));
        });
    // of format version 1: its funnel held only the events its writer stored (refused on its
    // version, before its checksum is looked at)
    assertCountedFromStore(
        a,
        () -> {
          String chunkKey = key + ":" + redis.call(c -> c.hget(key, "id")).orElseThrow() + ":0";
          byte[] chunk = redis.callBinary(c -> c.get(chunkKey)).orElseThrow();
          chunk[StatsSnapshots.MAGIC.length + 3] = 1; // the format version's low byte
          redis.callBinary(c -> c.set(chunkKey, chunk));
        });
    // foreign: counted from another store
    assertCountedFromStore(
        a, () -> redis.call(c -> c.hset(key, "store", "elasticsearch:[elsewhere]/fanshelf")));
    // foreign: past the end of this feed (another Redis, or the feed deleted)
    assertCountedFromStore(a, () -> redis.call(c -> c.hset(key, "position", "99999999999999-0")));
    // too old: entries after it were trimmed from the feed
    assertCountedFromStore(
        a,
        () -> {
          redis.call(c -> c.xtrim(prefix + "stats", XTrimArgs.Builder.maxlen(0)));
          try {
            // the feed goes on past the snapshot's position
            store(a, events("r", 300, 20));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    // missing
    assertCountedFromStore(a, () -> redis.call(c -> c.del(key)));
  }

  /** A snapshot {@code writer} writes, spoilt: the next start refuses it and counts the store. */
  private void assertCountedFromStore(StatsService writer, Runnable spoil) throws Exception {
    write(writer, "node-a");
    spoil.run();
    StatsService late = node("node-late");
    assertThat(late.startedFromSnapshot()).isFalse();
    assertThat(dump(late)).isEqualTo(countAll());
  }

  /**
   * What a single node that stored every event counts: the statistics and the funnel of the whole
   * store (the funnel as its snapshot bytes, equal for equal ledgers).
   */
  private List<String> countAll() throws IOException {
    AttributedStats stats = new AttributedStats();
    FunnelLedger funnel = new FunnelLedger(indexer, new FunnelProperties(WINDOW));
    indexer
        .store()
        .events()
        .forEach(
            event -> {
              stats.add(event);
              funnel.count(event);
            });
    List<String> rows = new ArrayList<>();
    for (OwnerId owner : OWNERS) {
      rows.add(owner + " " + stats.owner(owner));
      stats.activity(owner).entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(fan -> rows.add(owner + " " + fan.getKey() + " " + fan.getValue()));
      rows.add(
          owner
              + " "
              + stats.days(owner, CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate(), 40));
    }
    rows.add("funnel " + bytes(funnel));
    return rows;
  }

  /**
   * What a single node that stored every event counts live: the statistics of the whole store and
   * the funnel of the events in the order they were stored. (A count of the store scans it in its
   * order, which after Lucene merged segments is not always the order of storing.)
   */
  private List<String> storedInOrder() throws IOException {
    List<String> rows = countAll();
    rows.set(rows.size() - 1, "funnel " + bytes(single));
    return rows;
  }

  private static String bytes(FunnelLedger funnel) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    funnel.writeTo(new DataOutputStream(bytes));
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  private List<String> dump(StatsService service) throws IOException {
    List<String> rows = new ArrayList<>();
    for (OwnerId owner : OWNERS) {
      rows.add(owner + " " + service.owner(owner));
      service.activity(owner).entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(fan -> rows.add(owner + " " + fan.getKey() + " " + fan.getValue()));
      rows.add(owner + " " + service.days(owner, 40));
    }
    rows.add("funnel " + bytes(funnels.get(service)));
    return rows;
  }

  /** Shelf opens, clicks, carts and purchases, with and without an owner, in time order. */
  private static List<Event> events(String prefix, int from, int count) {
    Random random = new Random(prefix.hashCode() * 31L + from);
    EventType[] types = {
      EventType.IMPRESSION, EventType.VIEW, EventType.CLICK, EventType.CART, EventType.PURCHASE
    };
    List<Event> events = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      EventType type = types[random.nextInt(types.length)];
      boolean owned =
          type == EventType.CLICK || type == EventType.IMPRESSION || random.nextBoolean();
      events.add(
          new Event(
              EventId.of(
                  type == EventType.IMPRESSION
                      ? "shelf-imp-" + prefix + i + "-" + random.nextInt(2)
                      : prefix + "-" + i),
              FanId.of("f" + random.nextInt(25)),
              ProductId.of("p" + random.nextInt(6)),
              type,
              T.plus(Duration.ofMinutes(31L * i + random.nextInt(30))),
              owned ? Optional.of(OWNERS.get(random.nextInt(2))) : Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              type == EventType.PURCHASE ? OptionalDouble.of(2) : OptionalDouble.empty()));
    }
    return events;
  }
}
