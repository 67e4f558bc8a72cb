package io.fanshelf.api.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fanshelf.api.online.RedisTestSupport;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.convert.BeautyDemoShop;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import io.lettuce.core.XTrimArgs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared aggregates on the real Redis server, over a Lucene store standing in for the shared
 * one (the nodes open it one after the other): events stored by one node reach its aggregates only
 * through the feed; a node started later loads the shared snapshot and replays the feed after it,
 * ending where the first node is; a snapshot that is corrupt, of another store, past the feed's
 * end, older than the feed holds, or missing is refused and the node counts the store.
 */
class SharedAggregatesIT {
  @TempDir static Path shop;
  @TempDir Path dir;
  private final String prefix = RedisTestSupport.prefix();
  private RedisLink redis;
  private Instant now;

  @BeforeAll
  static void generate() throws IOException {
    new BeautyDemoShop(new BeautyDemoShop.Options(7, 120)).generate(shop);
  }

  @BeforeEach
  void importShop() throws Exception {
    redis = RedisTestSupport.link(prefix);
    try (Indexer plain =
        Indexer.open(
            IndexerOptions.of(dir.resolve("store")), LuceneBackend.open(dir.resolve("store")))) {
      plain.importFiles(ImportRequest.inDirectory(shop), ImportListener.NONE);
      Instant[] latest = {Instant.EPOCH};
      plain
          .store()
          .events()
          .forEach(e -> latest[0] = e.time().isAfter(latest[0]) ? e.time() : latest[0]);
      now = latest[0].plus(Duration.ofDays(1));
    }
  }

  @AfterEach
  void clean() {
    RedisTestSupport.clean(redis, prefix);
  }

  private record Node(String name, Indexer indexer, SharedAggregates shared)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      indexer.close();
    }
  }

  private Node open(String name) throws IOException {
    SharedAggregates shared =
        new SharedAggregates(
            feed(),
            new RedisSnapshots(redis, RedisEventFeed.AGGREGATES),
            name,
            // Written by the test only (write), not on the schedule.
            Duration.ofHours(1),
            dir.resolve(name),
            Clock.systemUTC());
    IndexerOptions options = IndexerOptions.of(dir.resolve("store")).withLiveAggregates();
    return new Node(
        name, Indexer.openShared(options, LuceneBackend.open(options.dataDir()), shared), shared);
  }

  /** Purchases and views of six fans over six products of the store, {@code n} of them. */
  private List<Event> events(Indexer indexer, String run, int n) throws IOException {
    List<ProductId> products = new ArrayList<>();
    indexer.store().catalog().forEach(product -> products.add(product.id()));
    List<FanId> fans = new ArrayList<>();
    indexer
        .store()
        .events()
        .forEach(
            event -> {
              if (!fans.contains(event.fan())) {
                fans.add(event.fan());
              }
            });
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      events.add(
          Event.of(
              run + "-" + i,
              fans.get(i % 6).value(),
              products.get((i * 5 + i / 6) % 6).value(),
              i % 3 == 0 ? EventType.PURCHASE : EventType.CART,
              now.minusSeconds(3_600 - 60L * i)));
    }
    return events;
  }

  /**
   * Appends {@code events} and waits until the node counted them from the feed: once, not also when
   * it stored them.
   */
  private static void appendAndAwait(Node node, List<Event> events) throws Exception {
    long before = node.indexer().aggregates().stats().eventsSeen();
    node.indexer().appendEvents(events);
    // Only the positive events go through the feed: all of these are.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> node.indexer().aggregates().stats().eventsSeen() >= before + events.size());
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> node.indexer().aggregates().stats().eventsSeen() == before + events.size());
    assertThat(node.indexer().eventsCountedAlone()).isZero();
  }

  /** Writes the shared snapshot from {@code node}, its turn taken from whoever had it. */
  private void write(Node node) throws IOException {
    redis.call(c -> c.del(prefix + RedisSnapshots.key(RedisEventFeed.AGGREGATES) + ":lock"));
    node.shared().write();
    assertThat(
            redis.call(c -> c.hget(prefix + RedisSnapshots.key(RedisEventFeed.AGGREGATES), "node")))
        .contains(node.name());
  }

  /** What the recommender reads of the aggregates, for the products and fans of the test. */
  private String answers(Indexer indexer, List<Event> events) throws IOException {
    EventAggregates aggregates = indexer.aggregates();
    StringBuilder all = new StringBuilder(aggregates.popular(20, now).toString());
    for (Event event : events) {
      all.append(aggregates.coOccurring(event.product(), 10))
          .append(aggregates.affinity(event.fan(), now))
          .append(aggregates.popularityAmongFansOf(BeautyDemoShop.OWNER, event.product(), now));
    }
    return all.toString();
  }

  @Test
  void aLaterStartLoadsTheSnapshotAndReplaysTheFeedAfterIt() throws Exception {
    String first;
    List<Event> sent = new ArrayList<>();
    try (Node a = open("node-a")) {
      assertThat(a.shared().startedFromSnapshot()).as("nothing shared yet").isEmpty();
      List<Event> events = events(a.indexer(), "shared", 24);
      sent.addAll(events);
      appendAndAwait(a, events.subList(0, 12));
      write(a);
      appendAndAwait(a, events.subList(12, 24));
      first = answers(a.indexer(), sent);
    }
    try (Node b = open("node-b")) {
      assertThat(b.shared().startedFromSnapshot()).as("started from the snapshot").isPresent();
      assertThat(answers(b.indexer(), sent)).isEqualTo(first);
    }
  }

  @Test
  void aRefusedOrMissingSnapshotIsCountedFromTheStore() throws Exception {
    List<Event> events;
    try (Node a = open("node-a")) {
      events = events(a.indexer(), "refused", 12);
      appendAndAwait(a, events);
    }
    String key = prefix + RedisSnapshots.key(RedisEventFeed.AGGREGATES);
    // corrupt: one bit of the file changed, the CRC32C no longer matches
    assertCountedFromStore(
        () -> {
          String chunkKey = key + ":" + redis.call(c -> c.hget(key, "id")).orElseThrow() + ":0";
          byte[] chunk = redis.callBinary(c -> c.get(chunkKey)).orElseThrow();
          chunk[chunk.length / 2] ^= 1;
          redis.callBinary(c -> c.set(chunkKey, chunk));
        });
    // foreign: counted from another store
    assertCountedFromStore(
        () -> redis.call(c -> c.hset(key, "store", "elasticsearch:[elsewhere]/fanshelf")));
    // foreign: past the end of this feed (another Redis, or the feed deleted)
    assertCountedFromStore(() -> redis.call(c -> c.hset(key, "position", "99999999999999-0")));
    // too old: entries after it were trimmed from the feed
    assertCountedFromStore(
        () -> {
          feed().recount();
          redis.call(c -> c.xtrim(prefix + RedisEventFeed.AGGREGATES, XTrimArgs.Builder.maxlen(0)));
          feed().recount(); // the feed goes on past the snapshot's position
        });
    // missing
    assertCountedFromStore(() -> redis.call(c -> c.del(key)));
  }

  private RedisEventFeed feed() {
    return RedisEventFeed.aggregates(
        redis, OnlineStateConfiguration.storedJson(), Duration.ofMinutes(15), Clock.systemUTC());
  }

  /** A snapshot a node writes, spoilt: the next start refuses it and counts the store. */
  private void assertCountedFromStore(Runnable spoil) throws Exception {
    try (Node writer = open("node-writer")) {
      write(writer);
    }
    spoil.run();
    try (Node late = open("node-late")) {
      assertThat(late.shared().startedFromSnapshot()).isEmpty();
      EventAggregates recount =
          EventAggregates.rebuild(
              late.indexer().store().events(),
              late.indexer().options().feedback(),
              late.indexer().options().aggregates(),
              EventAggregates.Context.of(
                  late.indexer().store().catalog(), late.indexer().store().fans()));
      assertThat(late.indexer().aggregates().stats()).isEqualTo(recount.stats());
      assertThat(late.indexer().aggregates().popular(20, now)).isEqualTo(recount.popular(20, now));
    }
  }
}
