package io.fanshelf.api.owner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.api.event.StoringGate;
import io.fanshelf.api.funnel.FunnelLedger;
import io.fanshelf.api.funnel.FunnelProperties;
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
import io.fanshelf.indexer.store.EventReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner statistics and funnel snapshot on a real Lucene event log: what is loaded plus the
 * log's tail equals a count of the whole log, and a corrupt, truncated, foreign or otherwise unfit
 * snapshot is refused (moved aside) so that the caller counts the log instead.
 */
class StatsSnapshotsTest {
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
  private static final List<OwnerId> OWNERS = List.of(OwnerId.of("o1"), OwnerId.of("o2"));
  private static final int FANS = 25;
  private static final Duration WINDOW = Duration.ofDays(7);

  @TempDir Path dir;
  private final List<Indexer> opened = new ArrayList<>();

  @AfterEach
  void close() throws IOException {
    for (Indexer indexer : opened) {
      indexer.close();
    }
  }

  @Test
  void aSnapshotPlusTheLogsTailCountsWhatTheWholeLogDoes() throws Exception {
    Indexer indexer = create(dir.resolve("data"), "a");
    // What a running node counts: each batch as it is stored, in the order stored.
    Counted live = new Counted(new AttributedStats(), funnel(indexer, WINDOW));
    List<Event> head = events("a", 0, 1_500);
    store(indexer, head, 41, live);
    StatsSnapshots snapshots = new StatsSnapshots(dir.resolve("data/owner-stats"));
    write(snapshots, indexer, live);
    List<String> atSnapshot = dump(live.stats);
    // The tail in one commit: the log's scan then visits it in the order it was stored.
    store(indexer, events("a", 1_500, 600), 600, live);

    Counted loaded = new Counted(new AttributedStats(), funnel(indexer, WINDOW));
    Optional<StatsSnapshots.Loaded> snapshot =
        snapshots.load(indexer.store().events(), loaded.stats, loaded.funnel);
    assertTrue(snapshot.isPresent());
    assertEquals(atSnapshot, dump(loaded.stats), "the round trip keeps every count");
    long[] tail = {0};
    indexer
        .store()
        .events()
        .forEachAfter(
            snapshot.get().position(),
            event -> {
              loaded.stats.add(event);
              loaded.funnel.count(event);
              tail[0]++;
            });
    assertEquals(600, tail[0]);
    assertEquals(dump(countAll(indexer).stats), dump(loaded.stats), "= a count of the whole log");
    assertEquals(dump(live.stats), dump(loaded.stats));
    assertNotEquals(atSnapshot, dump(loaded.stats), "the tail counted something");
    assertArrayEquals(funnelBytes(live.funnel), funnelBytes(loaded.funnel), "the funnel as well");
  }

  @Test
  void aRestartedServiceLoadsItsSnapshotAndTheTailAndRecountsWhenItIsCorrupt() throws Exception {
    Indexer indexer = create(dir.resolve("s"), "s");
    append(indexer, "s", 0, 700);
    StatsSnapshots files = new StatsSnapshots(dir.resolve("s/owner-stats"));
    service(indexer).close(); // counts the whole log, then writes its snapshot at shutdown
    assertEquals(1, files.files().size());
    assertTrue(files.files().getFirst().toString().endsWith("00000700.fsstats"));

    append(indexer, "s", 700, 300); // stored while no server ran: the tail
    StatsService restarted = service(indexer);
    assertEquals(dump(countAll(indexer).stats), dump(restarted));
    restarted.close();
    Path newest = files.files().getFirst();
    assertTrue(newest.toString().endsWith("00001000.fsstats"), newest.toString());

    try (RandomAccessFile bytes = new RandomAccessFile(newest.toFile(), "rw")) {
      bytes.seek(20);
      bytes.write(bytes.read() ^ 0xff);
    }
    append(indexer, "s", 1_000, 100);
    StatsService recounted = service(indexer); // refused: the older snapshot and its tail instead
    assertEquals(dump(countAll(indexer).stats), dump(recounted));
    assertTrue(Files.exists(newest.resolveSibling(newest.getFileName() + ".refused")));
    recounted.close();
  }

  @Test
  void aCorruptSnapshotIsRefusedAndMovedAside() throws Exception {
    Indexer indexer = written("c");
    Path file = onlySnapshot("c");
    try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
      bytes.seek(bytes.length() / 2);
      int b = bytes.read();
      bytes.seek(bytes.length() / 2);
      bytes.write(b ^ 0x10);
    }
    assertRefused(indexer, "c", WINDOW, "checksum");
  }

  @Test
  void aTruncatedSnapshotIsRefused() throws Exception {
    Indexer indexer = written("t");
    Path file = onlySnapshot("t");
    try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
      bytes.setLength(bytes.length() - 9);
    }
    assertRefused(indexer, "t", WINDOW, "checksum");
    Files.delete(file);
    Path stub = dir.resolve("t/owner-stats/snapshot-00000000000000000001.fsstats");
    Files.write(stub, new byte[] {'F', 'S'});
    assertRefused(indexer, "t", WINDOW, "truncated");
  }

  @Test
  void anotherFormatOrAttributionWindowOrFileIsRefused() throws Exception {
    Indexer indexer = written("v");
    Path file = onlySnapshot("v");
    byte[] original = Files.readAllBytes(file);
    byte[] other = original.clone();
    other[StatsSnapshots.MAGIC.length + 3] = 9; // the format version's low byte
    Files.write(file, other);
    assertRefused(indexer, "v", WINDOW, "format version 9");

    Files.write(file, original);
    assertRefused(indexer, "v", Duration.ofDays(3), "attribution window");

    byte[] foreign = original.clone();
    foreign[0] = 'X';
    Files.write(file, foreign);
    assertRefused(indexer, "v", WINDOW, "not an owner statistics snapshot");
  }

  @Test
  void formatVersionOneIsReadAsANodesOwnButRefusedAsAShared() throws Exception {
    Indexer indexer = written("one");
    Path file = onlySnapshot("one");
    byte[] one = Files.readAllBytes(file);
    one[StatsSnapshots.MAGIC.length + 3] = 1; // the format version's low byte, and its checksum:
    CRC32C crc = new CRC32C();
    crc.update(one, 0, one.length - 4);
    ByteBuffer.wrap(one, one.length - 4, 4).putInt((int) crc.getValue());
    Files.write(file, one);
    Counted own = new Counted(new AttributedStats(), funnel(indexer, WINDOW));
    StatsSnapshots.read(file, indexer.store().events(), own.stats, own.funnel);
    Counted all = countAll(indexer);
    assertEquals(dump(all.stats), dump(own.stats), "the same layout: every count read");
    assertArrayEquals(funnelBytes(all.funnel), funnelBytes(own.funnel));

    Counted shared = new Counted(new AttributedStats(), funnel(indexer, WINDOW));
    IOException refused =
        assertThrows(
            IOException.class,
            () ->
                StatsSnapshots.read(
                    file,
                    StatsSnapshots.FORMAT,
                    (position, id) -> {},
                    shared.stats,
                    shared.funnel));
    assertEquals(
        "format version 1, this version reads 2 (in version 1 its funnel counted only its"
            + " writer's events)",
        refused.getMessage());
  }

  @Test
  void anotherLogsSnapshotIsRefused() throws Exception {
    written("mine");
    Indexer other = create(dir.resolve("other"), "other");
    append(other, "other", 0, 1_200); // longer: the position exists, with another event there
    Path theirs = dir.resolve("other/owner-stats");
    Files.createDirectories(theirs);
    Path file = onlySnapshot("mine");
    Files.copy(file, theirs.resolve(file.getFileName()));
    assertRefused(other, "other", WINDOW, "another data directory's snapshot");

    Indexer shorter = create(dir.resolve("shorter"), "shorter");
    append(shorter, "shorter", 0, 10);
    Files.createDirectories(dir.resolve("shorter/owner-stats"));
    Files.copy(file, dir.resolve("shorter/owner-stats").resolve(file.getFileName()));
    assertRefused(shorter, "shorter", WINDOW, "but this log ends at");
  }

  @Test
  void theNewestTwoAreKeptAndInvalidateDeletesThem() throws Exception {
    Indexer indexer = create(dir.resolve("k"), "k");
    StatsSnapshots snapshots = new StatsSnapshots(dir.resolve("k/owner-stats"));
    for (int round = 0; round < 3; round++) {
      append(indexer, "k", round * 50, 50);
      write(snapshots, indexer, countAll(indexer));
    }
    List<Path> files = snapshots.files();
    assertEquals(2, files.size());
    assertTrue(files.getFirst().getFileName().toString().contains("150"), files.toString());
    snapshots.invalidate();
    assertEquals(List.of(), snapshots.files());
  }

  private void assertRefused(Indexer indexer, String data, Duration window, String reason)
      throws IOException {
    StatsSnapshots snapshots = new StatsSnapshots(dir.resolve(data).resolve("owner-stats"));
    List<Path> before = snapshots.files();
    Counted into = new Counted(new AttributedStats(), funnel(indexer, window));
    IOException refused =
        assertThrows(
            IOException.class,
            () ->
                StatsSnapshots.read(
                    before.getFirst(), indexer.store().events(), into.stats, into.funnel));
    assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    assertEquals(
        Optional.empty(), snapshots.load(indexer.store().events(), into.stats, into.funnel));
    for (OwnerId owner : OWNERS) {
      assertEquals(Map.of(), into.stats.activity(owner), "nothing of a refused snapshot is kept");
    }
    for (Path file : before) {
      assertFalse(Files.exists(file));
      Path aside = file.resolveSibling(file.getFileName() + ".refused");
      assertTrue(Files.exists(aside));
      Files.move(aside, file); // back, for the next case of the same test
    }
  }

  private Indexer written(String data) throws Exception {
    Indexer indexer = create(dir.resolve(data), data);
    append(indexer, data, 0, 800);
    write(new StatsSnapshots(dir.resolve(data).resolve("owner-stats")), indexer, countAll(indexer));
    return indexer;
  }

  private Path onlySnapshot(String data) throws IOException {
    List<Path> files = new StatsSnapshots(dir.resolve(data).resolve("owner-stats")).files();
    assertEquals(1, files.size(), files.toString());
    return files.getFirst();
  }

  private record Counted(AttributedStats stats, FunnelLedger funnel) {}

  private static Counted countAll(Indexer indexer) throws IOException {
    Counted counted = new Counted(new AttributedStats(), funnel(indexer, WINDOW));
    indexer
        .store()
        .events()
        .forEach(
            event -> {
              counted.stats.add(event);
              counted.funnel.count(event);
            });
    return counted;
  }

  private static void write(StatsSnapshots snapshots, Indexer indexer, Counted counted)
      throws IOException {
    EventReader events = indexer.store().events();
    long position = events.position().orElseThrow();
    snapshots.write(
        position,
        events.idAt(position).map(EventId::value).orElseThrow(),
        counted.stats,
        counted.funnel);
  }

  private static FunnelLedger funnel(Indexer indexer, Duration window) {
    return new FunnelLedger(indexer, new FunnelProperties(window));
  }

  private static byte[] funnelBytes(FunnelLedger funnel) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    funnel.writeTo(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  private static StatsService service(Indexer indexer) throws IOException {
    Clock clock = Clock.fixed(T.plus(Duration.ofDays(40)), ZoneOffset.UTC);
    return new StatsService(
        indexer,
        new FanService(indexer, clock, event -> {}),
        clock,
        Optional.empty(),
        funnel(indexer, WINDOW),
        new StoringGate());
  }

  /** What the service answers for every owner, as {@link #dump(AttributedStats)} does. */
  private static List<String> dump(StatsService service) {
    List<String> rows = new ArrayList<>();
    for (OwnerId owner : OWNERS) {
      rows.add(owner + " " + service.owner(owner));
      service.activity(owner).entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(fan -> rows.add(owner + " " + fan.getKey() + " " + fan.getValue()));
      rows.add(owner + " " + service.days(owner, 40));
    }
    return rows;
  }

  /** Every owner's totals, fans' activity and days, as text, for comparing two counts. */
  private static List<String> dump(AttributedStats stats) {
    List<String> rows = new ArrayList<>();
    for (OwnerId owner : OWNERS) {
      rows.add(owner + " " + stats.owner(owner));
      stats.activity(owner).entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(fan -> rows.add(owner + " " + fan.getKey() + " " + fan.getValue()));
      rows.add(
          owner
              + " "
              + stats.days(
                  owner, T.plus(Duration.ofDays(40)).atZone(ZoneOffset.UTC).toLocalDate(), 40));
    }
    return rows;
  }

  private Indexer create(Path data, String prefix) throws Exception {
    Indexer indexer =
        Indexer.open(
            IndexerOptions.of(data).withLiveAggregates().withSnapshotInterval(Duration.ZERO));
    opened.add(indexer);
    StringBuilder catalog = new StringBuilder("id,title,category,brand,price,stock,created_at\n");
    for (int i = 0; i < 6; i++) {
      catalog.append("p%d,商品%d,美妆>护肤,b1,%d,5,2026-01-01T00:00:00Z%n".formatted(i, i, 10 + i));
    }
    Path catalogFile = dir.resolve(prefix + "-catalog.csv");
    Files.writeString(catalogFile, catalog);
    Path ownersFile = dir.resolve(prefix + "-owners.csv");
    Files.writeString(ownersFile, "id,name,locale\no1,Shop 1,zh-CN\no2,Shop 2,en\n");
    indexer.importFiles(
        ImportRequest.none().withOwners(ownersFile).withCatalog(catalogFile), ImportListener.NONE);
    return indexer;
  }

  /** Appends {@code count} random events in batches of 41, several commits. */
  private static void append(Indexer indexer, String prefix, int from, int count) throws Exception {
    store(indexer, events(prefix, from, count), 41, null);
  }

  /**
   * Stores the events in batches of {@code size}, counting what each stored as new into {@code
   * live}.
   */
  private static void store(Indexer indexer, List<Event> events, int size, Counted live)
      throws Exception {
    for (int from = 0; from < events.size(); from += size) {
      List<Event> stored =
          indexer.appendEvents(events.subList(from, Math.min(events.size(), from + size))).stored();
      if (live != null) {
        stored.forEach(
            event -> {
              live.stats.add(event);
              live.funnel.count(event);
            });
      }
    }
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
              FanId.of("f" + random.nextInt(FANS)),
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
