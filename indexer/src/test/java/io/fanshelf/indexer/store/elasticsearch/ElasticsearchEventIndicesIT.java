package io.fanshelf.indexer.store.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.store.EventStore.AppendResult;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events indices on a real node: one index per week of event time behind the read alias,
 * duplicates refused across the weekly switch, retention by dropping whole weeks, and the single
 * events index of earlier versions.
 */
class ElasticsearchEventIndicesIT {
  @RegisterExtension
  static final SharedNode NODE = new SharedNode(ElasticsearchOptions.Refresh.IMMEDIATE);

  private static final Duration WEEK = Duration.ofDays(7);

  /** Week N runs Monday 2026-11-23 to Sunday 2026-11-29; week N+1 begins 2026-11-30. */
  private static final Instant WEEK_N = Instant.parse("2026-11-27T10:00:00Z");

  private static final Instant WEEK_N1 = Instant.parse("2026-12-01T09:00:00Z");

  @TempDir Path dir;

  @Test
  void eachEventGoesToTheIndexOfItsWeekAndIsReadThroughTheAlias() throws IOException {
    ElasticsearchOptions options = NODE.options(dir);
    String prefix = options.indexPrefix();
    try (ElasticsearchBackend backend = ElasticsearchBackend.open(options)) {
      Event before = event("w-1", "fan-w", WEEK_N.minus(WEEK));
      Event during = event("w-2", "fan-w", WEEK_N);
      Event after = event("w-3", "fan-w", WEEK_N1);

      assertEquals(
          new AppendResult(3, 0), backend.events().append(List.of(after, before, during), e -> {}));

      for (String week : List.of("2026.11.16", "2026.11.23", "2026.11.30")) {
        assertEquals(1, countIn(prefix + "-events-" + week), week);
      }
      Set<String> expected =
          new TreeSet<>(
              List.of(
                  prefix + "-api",
                  prefix + "-catalog",
                  prefix + "-fans",
                  prefix + "-meta",
                  prefix + "-events-2026.11.16",
                  prefix + "-events-2026.11.23",
                  prefix + "-events-2026.11.30",
                  currentWeek(prefix)));
      assertEquals(expected, indices(prefix), "nothing else was created");
      assertEquals(
          new TreeSet<>(expected.stream().filter(i -> i.contains("-events-")).toList()),
          new TreeSet<>(aliasMembers(prefix)));
      assertEquals(List.of(after, during, before), backend.events().recent(FanId.of("fan-w"), 10));
      assertEquals(3, backend.events().count());
      List<Event> visited = new ArrayList<>();
      backend.events().forEach(visited::add);
      assertEquals(Set.of(before, during, after), Set.copyOf(visited));
    }
  }

  @Test
  void anIdStoredInWeekNIsStillADuplicateAfterWeekN1Began() throws IOException {
    ElasticsearchOptions options = NODE.options(dir);
    try (ElasticsearchBackend nodeA = ElasticsearchBackend.open(options);
        ElasticsearchBackend nodeB = ElasticsearchBackend.open(options)) {
      Event original = event("dup-1", "fan-d", WEEK_N);
      assertEquals(new AppendResult(1, 0), nodeA.events().append(List.of(original), e -> {}));
      // Week N+1 begins: its index takes the new events.
      List<Event> nextWeek =
          List.of(event("next-1", "fan-d", WEEK_N1), event("next-2", "fan-e", WEEK_N1));
      assertEquals(new AppendResult(2, 0), nodeA.events().append(nextWeek, e -> {}));
      String weekN1 = options.indexPrefix() + "-events-2026.11.30";
      assertEquals(2, countIn(weekN1));

      // The same event resent, to this node and to another one; and the id again under a time of
      // week N+1, which would land in week N+1's index if only that index were asked.
      Event sameIdLater =
          Event.of("dup-1", "fan-d", "bh-002", EventType.PURCHASE, WEEK_N1.plusSeconds(60));
      Event fresh = event("fresh-1", "fan-d", WEEK_N1.plusSeconds(120));
      List<Event> seen = new ArrayList<>();
      assertEquals(new AppendResult(0, 1), nodeA.events().append(List.of(original), seen::add));
      assertEquals(new AppendResult(0, 1), nodeB.events().append(List.of(original), seen::add));
      assertEquals(
          new AppendResult(1, 1), nodeB.events().append(List.of(sameIdLater, fresh), seen::add));

      assertEquals(List.of(fresh), seen, "onNew sees only the fresh event");
      assertEquals(4, nodeA.events().count());
      assertEquals(3, countIn(weekN1), "week N+1 holds next-1, next-2 and fresh-1, not dup-1");
      List<Event> history = nodeB.events().recent(FanId.of("fan-d"), 10);
      assertTrue(history.contains(original), "events are never edited");
      assertFalse(history.contains(sameIdLater));
      assertTrue(nodeB.events().contains(EventId.of("dup-1")));
    }
  }

  @Test
  void retentionDropsWholeWeeksOlderThanItAndNothingElse() throws IOException {
    ElasticsearchOptions options = NODE.builder(dir).eventRetention(Duration.ofDays(14)).build();
    String prefix = options.indexPrefix();
    // Weeks relative to the real one, since the backend drops by its clock: with 14 days of
    // retention the weeks that ended 2 and 3 weeks before this one began go; last week and the
    // one before it stay (its end is less than 14 days ago).
    LocalDate thisWeek = EventIndices.periodStart(Instant.now(), WEEK);
    List<Event> weekly = new ArrayList<>();
    List<String> weekIndices = new ArrayList<>();
    for (int weeksAgo = 4; weeksAgo >= 0; weeksAgo--) {
      LocalDate monday = thisWeek.minusWeeks(weeksAgo);
      weekly.add(event("r-" + weeksAgo, "fan-r", monday.atStartOfDay(ZoneOffset.UTC).toInstant()));
      weekIndices.add(prefix + "-events-" + monday.toString().replace('-', '.'));
    }
    try (ElasticsearchBackend backend = ElasticsearchBackend.open(options)) {
      assertEquals(new AppendResult(5, 0), backend.events().append(weekly, e -> {}));

      List<String> dropped = backend.dropExpiredEventIndices();

      assertEquals(weekIndices.subList(0, 2), dropped);
      assertEquals(Set.copyOf(weekIndices.subList(2, 5)), Set.copyOf(aliasMembers(prefix)));
      assertFalse(indices(prefix).contains(weekIndices.getFirst()), "dropped, not emptied");
      assertEquals(3, backend.events().count());
      assertFalse(backend.events().contains(weekly.getFirst().id()));
      assertEquals(weekly.reversed().subList(0, 3), backend.events().recent(FanId.of("fan-r"), 10));
      assertEquals(List.of(), backend.dropExpiredEventIndices(), "nothing more is old enough");

      // An event older than the retention is accepted into its week, which the next run drops.
      Event late = weekly.getFirst();
      assertEquals(new AppendResult(1, 0), backend.events().append(List.of(late), e -> {}));
      assertTrue(backend.events().contains(late.id()));
      assertEquals(List.of(weekIndices.getFirst()), backend.dropExpiredEventIndices());
      assertEquals(3, backend.events().count());
    }
  }

  @Test
  void theSingleEventsIndexOfEarlierVersionsStaysReadableUntilRetentionDropsIt()
      throws IOException {
    ElasticsearchOptions options = NODE.options(dir);
    String single = options.indexPrefix() + "-events";
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Event old = event("old-1", "fan-o", now.minus(Duration.ofDays(30)));
    NODE.admin()
        .indices()
        .create(c -> c.index(single).withJson(new StringReader(EventDocs.definition(options))));
    NODE.admin()
        .index(
            i ->
                i.index(single)
                    .id(old.id().value())
                    .document(BinaryData.of(EventDocs.toSource(old), ContentType.APPLICATION_JSON))
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));

    Event recent = event("new-1", "fan-o", now.minus(Duration.ofDays(1)));
    try (ElasticsearchBackend backend = ElasticsearchBackend.open(options)) {
      assertTrue(aliasMembers(options.indexPrefix()).contains(single));
      assertEquals(List.of(old), backend.events().recent(FanId.of("fan-o"), 10));
      assertEquals(new AppendResult(0, 1), backend.events().append(List.of(old), e -> {}));
      assertEquals(new AppendResult(1, 0), backend.events().append(List.of(recent), e -> {}));
      assertEquals(List.of(recent, old), backend.events().recent(FanId.of("fan-o"), 10));
      assertEquals(1, countIn(single), "the single index is no longer written");
      assertEquals(List.of(), backend.dropExpiredEventIndices(), "no retention configured");
    }

    ElasticsearchOptions withRetention =
        NODE.builder(dir).eventRetention(Duration.ofDays(14)).build();
    try (ElasticsearchBackend backend = ElasticsearchBackend.open(withRetention)) {
      assertFalse(indices(options.indexPrefix()).contains(single), "dropped when opened");
      assertEquals(List.of(recent), backend.events().recent(FanId.of("fan-o"), 10));
    }
  }

  @Test
  void aLateEventForAWeekAnotherNodeDroppedCreatesTheWeekAgain() throws IOException {
    ElasticsearchOptions options = NODE.builder(dir).eventRetention(Duration.ofDays(14)).build();
    MovableClock clockA = new MovableClock(WEEK_N);
    Instant later = WEEK_N.plus(Duration.ofDays(25));
    String weekN = options.indexPrefix() + "-events-2026.11.23";
    try (ElasticsearchBackend nodeA = ElasticsearchBackend.open(options, clockA)) {
      // Node A writes week N while it is recent, and knows its index from then on.
      nodeA.events().append(List.of(event("a-1", "fan-a", WEEK_N)), e -> {});
      clockA.set(later);
      try (ElasticsearchBackend nodeB =
          ElasticsearchBackend.open(options, Clock.fixed(later, ZoneOffset.UTC))) {
        assertFalse(
            indices(options.indexPrefix()).contains(weekN), "node B's start dropped week N");

        Event late = event("a-2", "fan-a", WEEK_N.plusSeconds(60));
        assertEquals(new AppendResult(1, 0), nodeA.events().append(List.of(late), e -> {}));

        assertTrue(aliasMembers(options.indexPrefix()).contains(weekN), "created with its alias");
        assertTrue(nodeB.events().contains(late.id()));
        assertEquals(List.of(late), nodeB.events().recent(FanId.of("fan-a"), 10));
      }
    }
  }

  /** A clock a test moves forward, as days pass on a long-running node. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("UTC only");
    }
  }

  private static Event event(String id, String fan, Instant time) {
    return Event.of(id, fan, "bh-001", EventType.VIEW, time);
  }

  private static String currentWeek(String prefix) {
    return prefix
        + "-events-"
        + EventIndices.periodStart(Instant.now(), WEEK).toString().replace('-', '.');
  }

  private static long countIn(String index) throws IOException {
    return NODE.admin().count(c -> c.index(index)).count();
  }

  private static Set<String> indices(String prefix) throws IOException {
    return new TreeSet<>(
        NODE.admin().indices().get(g -> g.index(prefix + "-*")).indices().keySet());
  }

  private static Set<String> aliasMembers(String prefix) throws IOException {
    return NODE.admin().indices().getAlias(a -> a.name(prefix + "-events-all")).aliases().keySet();
  }
}
