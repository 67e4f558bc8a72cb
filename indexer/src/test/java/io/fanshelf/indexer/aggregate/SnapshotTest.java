package io.fanshelf.indexer.aggregate;

import static io.fanshelf.indexer.aggregate.Fixture.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.ProductId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {
  // Few neighbours and a short window: pruning and forgotten histories are part of what must
  // survive the round trip.
  private static final AggregateOptions OPTIONS =
      new AggregateOptions(
          Duration.ofDays(14),
          Duration.ofDays(2),
          Duration.ofDays(30),
          3,
          Duration.ofDays(7),
          2,
          5,
          10);
  private static final Instant AT = minutes(60 * 24 * 40);
  private static final SnapshotInfo INFO = new SnapshotInfo(7, "e6", Instant.EPOCH);
  private final Fixture fixture = new Fixture();
  private final List<ProductId> products = new ArrayList<>();
  private final Random random = new Random(18);

  @TempDir Path dir;

  @BeforeEach
  void createCatalogAndFans() {
    String[] categories = {"美妆>护肤>面霜", "美妆>彩妆", "家居>收纳", "食品>花茶"};
    for (int i = 0; i < 15; i++) {
      products.add(
          fixture.product(
              "p" + i, categories[i % 4], i % 3 == 0 ? null : "brand" + (i % 3), 990L * (i + 1)));
    }
    for (int fan = 0; fan < 25; fan++) {
      String[] labels = fan % 4 == 3 ? new String[0] : new String[] {"skin_type", "oily", "dry"};
      fixture.member("shop-" + (fan % 3), "f" + fan, labels);
    }
  }

  private List<Event> events(int count) {
    EventType[] types = EventType.values();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(
          fixture.event(
              "f" + random.nextInt(25),
              products.get(random.nextInt(products.size())),
              types[random.nextInt(types.length - 1)],
              minutes(random.nextInt(60 * 24 * 30))));
    }
    return events;
  }

  private EventAggregates read(Path file) throws IOException {
    return EventAggregates.readSnapshot(file, Fixture.POLICY, OPTIONS, fixture, info -> {})
        .aggregates();
  }

  @Test
  void aSnapshotReadsBackAsTheSameAggregatesAndGoesOnCountingTheSame() throws Exception {
    EventAggregates original = fixture.aggregates(OPTIONS);
    original.addAll(events(600));
    Path file = dir.resolve("a.fsagg");
    original.writeSnapshot(file, INFO);

    EventAggregates loaded = read(file);
    assertEquals(fixture.snapshot(original, AT), fixture.snapshot(loaded, AT));
    assertEquals(original.stats(), loaded.stats());
    assertEquals(original.popular(5, AT), loaded.popular(5, AT));
    assertEquals(original.mostReached(5), loaded.mostReached(5));
    assertEquals(
        original.topLifts("skin_type", "oily", 10, 0), loaded.topLifts("skin_type", "oily", 10, 0));
    assertTrue(original.stats().lateEventsUnpaired() > 0, "some histories were cut");

    // Histories, pruned lists and leaderboards came back whole: more events count the same.
    List<Event> more = events(300);
    original.addAll(more);
    loaded.addAll(more);
    assertEquals(fixture.snapshot(original, AT), fixture.snapshot(loaded, AT));
    assertEquals(original.popular(5, AT), loaded.popular(5, AT));
  }

  @Test
  void aSnapshotOfARebuildEqualsTheRebuild() throws Exception {
    EventAggregates rebuilt = fixture.aggregates(OPTIONS);
    rebuilt.addAll(events(400));
    Path file = dir.resolve("r.fsagg");
    rebuilt.writeSnapshot(file, INFO);
    EventAggregates.Loaded loaded =
        EventAggregates.readSnapshot(file, Fixture.POLICY, OPTIONS, fixture, info -> {});
    assertEquals(INFO, loaded.info());
    assertEquals(fixture.snapshot(rebuilt, AT), fixture.snapshot(loaded.aggregates(), AT));
  }

  @Test
  void aCorruptTruncatedOrForeignSnapshotIsRefusedWithTheReason() throws Exception {
    EventAggregates original = fixture.aggregates(OPTIONS);
    original.addAll(events(300));
    Path file = dir.resolve("s.fsagg");
    original.writeSnapshot(file, INFO);
    byte[] good = Files.readAllBytes(file);

    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x10;
    assertRefused(flipped, "checksum");

    assertRefused(Arrays.copyOf(good, good.length - 20), "truncated");
    assertRefused(Arrays.copyOf(good, 5), "truncated");

    byte[] otherVersion = good.clone();
    ByteBuffer.wrap(otherVersion).putInt(8, EventAggregates.SNAPSHOT_FORMAT + 1);
    assertRefused(otherVersion, "format version " + (EventAggregates.SNAPSHOT_FORMAT + 1));

    byte[] notOne = "{\"not\": \"a snapshot\"}".getBytes();
    assertRefused(notOne, "not an aggregates snapshot");

    Files.write(file, good);
    AggregateOptions other =
        new AggregateOptions(
            Duration.ofDays(7),
            Duration.ofDays(2),
            Duration.ofDays(30),
            3,
            Duration.ofDays(7),
            2,
            5,
            10);
    SnapshotRefusedException options =
        assertThrows(
            SnapshotRefusedException.class,
            () -> EventAggregates.readSnapshot(file, Fixture.POLICY, other, fixture, info -> {}));
    assertTrue(options.getMessage().contains("other settings"), options.getMessage());

    SnapshotRefusedException foreign =
        assertThrows(
            SnapshotRefusedException.class,
            () ->
                EventAggregates.readSnapshot(
                    file,
                    Fixture.POLICY,
                    OPTIONS,
                    fixture,
                    info -> {
                      throw new SnapshotRefusedException("not this log's: " + info.lastEventId());
                    }));
    assertEquals("not this log's: e6", foreign.getMessage());
  }

  private void assertRefused(byte[] content, String reason) throws IOException {
    Path file = dir.resolve("bad.fsagg");
    Files.write(file, content);
    SnapshotRefusedException refused =
        assertThrows(SnapshotRefusedException.class, () -> read(file));
    assertTrue(refused.getMessage().contains(reason), refused.getMessage());
  }
}
