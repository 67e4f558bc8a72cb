package io.fanshelf.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.aggregate.FanAffinity;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live indexer on Lucene starts from its newest aggregates snapshot plus the events after it, and
 * from the whole log when the snapshot is corrupt, foreign or gone; either way it serves what a
 * recount of the log gives.
 */
class IndexerSnapshotTest {
  private static final Instant T = Instant.parse("2026-02-01T00:00:00Z");
  private static final Instant AT = T.plus(Duration.ofDays(20));
  private static final int PRODUCTS = 12;
  private static final int FANS = 15;

  @TempDir Path dir;

  private Indexer open(Path data) throws Exception {
    return Indexer.open(
        IndexerOptions.of(data).withLiveAggregates().withSnapshotInterval(Duration.ZERO));
  }

  /** A data directory with the catalog and {@code events} random events (ids from prefix). */
  private Indexer create(Path data, String prefix, int events, long seed) throws Exception {
    Indexer indexer = open(data);
    StringBuilder csv = new StringBuilder("id,title,category,brand,price,stock,created_at\n");
    String[] categories = {"美妆>护肤", "美妆>彩妆", "家居>收纳", "食品>花茶"};
    for (int i = 0; i < PRODUCTS; i++) {
      csv.append(
          "p%d,商品%d,%s,b%d,%d,5,2026-01-01T00:00:00Z%n"
              .formatted(i, i, categories[i % 4], i % 3, 10 + 7 * i));
    }
    Path catalog = dir.resolve(prefix + "-catalog.csv");
    Files.writeString(catalog, csv);
    indexer.importFiles(ImportRequest.none().withCatalog(catalog), ImportListener.NONE);
    append(indexer, prefix, events, seed);
    return indexer;
  }

  private static void append(Indexer indexer, String prefix, int count, long seed)
      throws Exception {
    Random random = new Random(seed);
    EventType[] types = {EventType.VIEW, EventType.CLICK, EventType.CART, EventType.PURCHASE};
    List<Event> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(
          Event.of(
              prefix + "-" + seed + "-" + i,
              "f" + random.nextInt(FANS),
              "p" + random.nextInt(PRODUCTS),
              types[random.nextInt(types.length)],
              // later batches later, as a log grows (a rebuild and a replay then pair the same
              // events even where a fan's remembered history is cut)
              T.plusSeconds(seed * 86_400 + i * 60L + random.nextInt(60))));
      if (batch.size() == 37) { // several appends, several commits
        indexer.appendEvents(batch);
        batch.clear();
      }
    }
    indexer.appendEvents(batch);
  }

  private static List<Path> snapshots(Path data) throws IOException {
    try (Stream<Path> files = Files.list(data.resolve("aggregates"))) {
      return files.sorted().toList();
    }
  }

  /**
   * Writes a snapshot as soon as the serving aggregates count every change: the catalog import of
   * {@link #create} starts a recount in the background, and until it is done a snapshot is not
   * written (it would count the catalog before the import).
   */
  private static void writeSnapshotOnceRecounted(Indexer indexer, Path data) {
    org.awaitility.Awaitility.await("an aggregates snapshot is written once the recount is done")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              indexer.writeAggregatesSnapshot();
              return !snapshots(data).isEmpty();
            });
  }

  private static String names(List<Path> files) {
    return files.stream().map(path -> path.getFileName().toString()).toList().toString();
  }

  @Test
  void aStartLoadsTheSnapshotAndReplaysOnlyTheEventsAfterIt() throws Exception {
    Path data = dir.resolve("data");
    Path saved = dir.resolve("saved");
    try (Indexer indexer = create(data, "a", 400, 1)) {
      writeSnapshotOnceRecounted(indexer, data);
      // Kept aside: the snapshot of a node that then stored more events and died before the next.
      Files.createDirectories(saved);
      Path newest = snapshots(data).getLast();
      assertTrue(newest.getFileName().toString().contains("400"), names(snapshots(data)));
      Files.copy(newest, saved.resolve(newest.getFileName()));
      append(indexer, "a", 250, 2);
    }
    for (Path file : snapshots(data)) {
      Files.delete(file);
    }
    List<Path> restored = new ArrayList<>();
    try (Stream<Path> files = Files.list(saved)) {
      for (Path file : files.toList()) {
        restored.add(Files.copy(file, data.resolve("aggregates").resolve(file.getFileName())));
      }
    }
    assertEquals(1, restored.size(), names(restored));

    try (Indexer indexer = open(data)) {
      indexer.aggregates(); // waits for the first load, which open started in the background
      // A full rebuild would have written a snapshot at the log's end at once; loading did not.
      assertEquals(names(restored), names(snapshots(data)));
      assertEquals(650, indexer.aggregates().stats().eventsSeen());
      assertSameAsRecount(indexer);
      append(indexer, "a", 100, 3); // and it goes on counting
      assertSameAsRecount(indexer);
    }
  }

  @Test
  void eventsAppendedWhileTheFirstLoadRunsAreCountedOnce() throws Exception {
    Path data = dir.resolve("data");
    try (Indexer indexer = create(data, "w", 300, 8)) {
      writeSnapshotOnceRecounted(indexer, data);
    }
    try (Indexer indexer = open(data)) {
      // open returned with the snapshot loading in the background: these appends come before,
      // during or after it, and each is counted once either way
      append(indexer, "w", 120, 9);
      assertEquals(420, indexer.aggregates().stats().eventsSeen());
      assertSameAsRecount(indexer);
    }
  }

  @Test
  void aSnapshotWhoseReadIsInterruptedIsKept() throws Exception {
    Path data = dir.resolve("data");
    try (Indexer indexer = create(data, "s", 50, 10)) {
      writeSnapshotOnceRecounted(indexer, data);
    }
    List<Path> before = snapshots(data);
    SnapshotFiles files =
        new SnapshotFiles(data.resolve("aggregates"), "snapshot-", ".fsagg", 2, "aggregates");
    try {
      assertThrows(
          java.nio.channels.ClosedByInterruptException.class,
          () ->
              files.loadNewest(
                  file -> {
                    Thread.currentThread().interrupt(); // as Indexer.close stops its thread
                    try (java.nio.channels.FileChannel channel =
                        java.nio.channels.FileChannel.open(file)) {
                      return channel.read(java.nio.ByteBuffer.allocate(8));
                    }
                  }));
    } finally {
      Thread.interrupted();
    }
    assertEquals(names(before), names(snapshots(data)), "nothing moved aside");
  }

  @Test
  void aCorruptSnapshotIsRefusedAndTheStartRebuildsFromTheLog() throws Exception {
    Path data = dir.resolve("data");
    try (Indexer indexer = create(data, "c", 300, 4)) {
      assertEquals(300, indexer.store().events().count());
    }
    List<Path> corrupted = snapshots(data);
    assertTrue(names(corrupted).contains("300.fsagg"), names(corrupted));
    for (Path snapshot : corrupted) { // the newest and the one kept before it
      byte[] bytes = Files.readAllBytes(snapshot);
      bytes[bytes.length / 2] ^= 0x01;
      Files.write(snapshot, bytes);
    }

    try (Indexer indexer = open(data)) {
      indexer.aggregates(); // waits for the first load
      for (Path snapshot : corrupted) {
        assertTrue(
            Files.exists(snapshot.resolveSibling(snapshot.getFileName() + ".refused")),
            names(snapshots(data)));
      }
      // rebuilt from the whole log, and a new snapshot written at its end
      assertTrue(Files.exists(corrupted.getLast()), names(snapshots(data)));
      assertSameAsRecount(indexer);
      assertEquals(300, indexer.aggregates().stats().eventsSeen());
    }
  }

  @Test
  void anotherDataDirectorysSnapshotIsRefused() throws Exception {
    Path mine = dir.resolve("mine");
    Path other = dir.resolve("other");
    try (Indexer indexer = create(mine, "m", 200, 5)) {
      assertEquals(200, indexer.store().events().count());
    }
    try (Indexer indexer = create(other, "o", 200, 6)) {
      assertEquals(200, indexer.store().events().count());
    }
    Path foreign = snapshots(other).getLast();
    for (Path file : snapshots(mine)) {
      Files.delete(file);
    }
    Files.copy(foreign, mine.resolve("aggregates").resolve(foreign.getFileName()));

    try (Indexer indexer = open(mine)) {
      indexer.aggregates(); // waits for the first load
      assertTrue(
          Files.exists(mine.resolve("aggregates").resolve(foreign.getFileName() + ".refused")));
      assertSameAsRecount(indexer);
    }
  }

  @Test
  void anImportDeletesTheSnapshotsItWouldMakeStale() throws Exception {
    Path data = dir.resolve("data");
    try (Indexer indexer = create(data, "i", 100, 7)) {
      writeSnapshotOnceRecounted(indexer, data);
      assertTrue(names(snapshots(data)).contains("100.fsagg"), names(snapshots(data)));
      EventAggregates before = indexer.aggregates();
      Path catalog = dir.resolve("more.csv");
      Files.writeString(
          catalog,
          "id,title,category,price,stock,created_at\n" + "p0,改名,家居>餐具,19,5,2026-01-01T00:00:00Z\n");
      indexer.importFiles(ImportRequest.none().withCatalog(catalog), ImportListener.NONE);
      org.awaitility.Awaitility.await("the recount swaps in a new instance")
          .atMost(Duration.ofSeconds(60))
          .until(indexer::aggregates, current -> current != before);
    }
    // Had the snapshot counted with p0's old category survived, this start would serve it.
    try (Indexer indexer = open(data)) {
      assertSameAsRecount(indexer);
      assertTrue(
          values(indexer.aggregates()).keySet().stream().anyMatch(key -> key.contains("餐具")));
    }
  }

  /** Every answer of the serving aggregates matches a recount of the whole log. */
  private static void assertSameAsRecount(Indexer indexer) throws Exception {
    EventAggregates serving = indexer.aggregates();
    EventAggregates recount =
        EventAggregates.rebuild(
            indexer.store().events(),
            indexer.options().feedback(),
            indexer.options().aggregates(),
            EventAggregates.Context.of(indexer.store().catalog(), indexer.store().fans()));
    assertEquals(recount.stats().eventsSeen(), serving.stats().eventsSeen());
    assertEquals(recount.stats().positiveEvents(), serving.stats().positiveEvents());
    Map<String, Double> expected = values(recount);
    Map<String, Double> actual = values(serving);
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach(
        (key, value) ->
            assertEquals(value, actual.get(key), 1e-9 * Math.max(1, Math.abs(value)), key));
  }

  private static Map<String, Double> values(EventAggregates aggregates) {
    Map<String, Double> values = new TreeMap<>();
    for (int a = 0; a < PRODUCTS; a++) {
      ProductId product = ProductId.of("p" + a);
      values.put("pop " + a, aggregates.popularity(product, AT));
      values.put("trend " + a, aggregates.trend(product, AT));
      values.put("reach " + a, aggregates.reach(product));
      values.put("total " + a, aggregates.allTimeWeight(product));
      for (int b = 0; b < PRODUCTS; b++) {
        values.put("co " + a + " " + b, aggregates.coOccurrence(product, ProductId.of("p" + b)));
      }
    }
    for (int fan = 0; fan < FANS; fan++) {
      Optional<FanAffinity> affinity = aggregates.affinity(FanId.of("f" + fan), AT);
      int f = fan;
      affinity.ifPresent(
          a -> {
            a.categories().forEach((c, w) -> values.put("cat " + f + " " + c, w));
            a.brands().forEach((b, w) -> values.put("brand " + f + " " + b, w));
            values.put("weight " + f, a.totalWeight());
          });
    }
    return values;
  }
}
