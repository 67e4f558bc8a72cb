package io.fanshelf.indexer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.store.EventStore.AppendResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link EventStore} contract: idempotent, all-or-none appends (also when the batch is streamed
 * and breaks midway), a fan's recent history, and appends and reads from many threads at once.
 * Subclass once per backend.
 */
public abstract class EventStoreContract extends StoreContract {
  private static final int FIXTURE_SIZE = BeautyHomeFixture.events().size();
  private static final Consumer<Event> IGNORE = e -> {};
  private static final long TIMEOUT_SECONDS = 60;

  private EventStore events;
  private ExecutorService pool;

  @BeforeEach
  protected final void openEvents() {
    events = backend().events();
    pool = Executors.newCachedThreadPool();
  }

  @AfterEach
  protected final void stopThreads() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS), "threads still running");
  }

  // ------------------------------------------------------------------ append

  @Test
  void appendStoresNewEventsAndSaysHowMany() throws IOException {
    List<Event> seen = new ArrayList<>();

    AppendResult result = events.append(BeautyHomeFixture.events(), seen::add);

    assertEquals(new AppendResult(FIXTURE_SIZE, 0), result);
    assertEquals(FIXTURE_SIZE, events.count());
    assertEquals(FIXTURE_SIZE, seen.size(), "onNew sees each new event once");
    assertEquals(Set.copyOf(BeautyHomeFixture.events()), Set.copyOf(seen));
    for (Event event : BeautyHomeFixture.events()) {
      assertTrue(events.contains(event.id()), event.id().value());
    }
  }

  @Test
  void anEmptyBatchChangesNothing() throws IOException {
    events.append(BeautyHomeFixture.events(), IGNORE);

    assertEquals(new AppendResult(0, 0), events.append(List.of(), IGNORE));
    assertEquals(FIXTURE_SIZE, events.count());
  }

  @Test
  void anIdRepeatedInsideABatchIsStoredOnce() throws IOException {
    Event view = event("dup-1", "fan-0001", "2026-10-30T10:00:00Z");
    Event other = event("dup-2", "fan-0001", "2026-10-30T10:01:00Z");
    List<Event> seen = new ArrayList<>();

    AppendResult result = events.append(List.of(view, other, view, view), seen::add);

    assertEquals(new AppendResult(2, 2), result);
    assertEquals(2, events.count());
    assertEquals(2, seen.size());
    assertEquals(Set.of(view, other), Set.copyOf(seen));
    assertEquals(List.of(other, view), events.recent(FanId.of("fan-0001"), 10));
  }

  @Test
  void anIdAlreadyStoredIsADuplicateAndKeepsTheFirstEvent() throws IOException {
    events.append(BeautyHomeFixture.events(), IGNORE);
    Event original = BeautyHomeFixture.events().getFirst();
    Event sameId =
        BeautyHomeFixture.event(
                original.id().value(), "fan-0001", "bh-002", "purchase", "2026-11-01T10:00:00Z")
            .build();
    Event fresh = event("e-0100", "fan-0001", "2026-11-01T11:00:00Z");
    List<Event> seen = new ArrayList<>();

    AppendResult again = events.append(BeautyHomeFixture.events(), seen::add);
    AppendResult mixed = events.append(List.of(sameId, fresh), seen::add);

    assertEquals(new AppendResult(0, FIXTURE_SIZE), again);
    assertEquals(new AppendResult(1, 1), mixed);
    assertEquals(List.of(fresh), seen);
    assertEquals(FIXTURE_SIZE + 1, events.count());
    List<Event> history = events.recent(original.fan(), 100);
    assertTrue(history.contains(original), "events are never edited");
    assertFalse(history.contains(sameId));
  }

  @Test
  void idempotencySurvivesCloseAndReopen() throws IOException {
    events.append(BeautyHomeFixture.events(), IGNORE);

    events = reopen().events();

    assertEquals(FIXTURE_SIZE, events.count());
    assertEquals(
        new AppendResult(0, FIXTURE_SIZE), events.append(BeautyHomeFixture.events(), IGNORE));
    Event fresh = event("e-0100", "fan-0001", "2026-11-01T11:00:00Z");
    assertEquals(new AppendResult(1, 0), events.append(List.of(fresh), IGNORE));
    assertEquals(FIXTURE_SIZE + 1, events.count());
  }

  @Test
  void everythingSurvivesCloseAndReopen() throws IOException {
    events.append(BeautyHomeFixture.events(), IGNORE);

    events = reopen().events();

    assertEquals(Set.copyOf(BeautyHomeFixture.events()), Set.copyOf(all()));
    assertEquals(newestFirst("fan-0002"), events.recent(FanId.of("fan-0002"), 100));
    assertTrue(events.contains(EventId.of("e-0024")));
  }

  // ------------------------------------------------------------------ reads

  @Test
  void recentGivesTheFansEventsNewestFirstWithEveryField() throws IOException {
    events.append(BeautyHomeFixture.events(), IGNORE);

    for (FanId fan : fansWithEvents()) {
      assertEquals(newestFirst(fan.value()), events.recent(fan, 100), fan.value());
    }
  }

  @Test
  void recentKeepsTheNewestUpToTheLimit() throws IOException {
    events.append(BeautyHomeFixture.events(), IGNORE);
    List<Event> newest = newestFirst("fan-0001");
    assertEquals(5, newest.size());

    for (int limit = 1; limit <= 6; limit++) {
      assertEquals(
          newest.subList(0, Math.min(limit, newest.size())),
          events.recent(FanId.of("fan-0001"), limit),
          "limit " + limit);
    }
  }

  @Test
  void recentOrdersEventsOfTheSameTimeByIdAlsoAtTheLimit() throws IOException {
    // One basket: four events in the same second, appended out of id order, after an older one.
    String basket = "2026-11-01T10:00:00Z";
    List<Event> appended =
        List.of(
            event("t-3", "fan-t", basket),
            event("t-0", "fan-t", "2026-11-01T09:00:00Z"),
            event("t-4", "fan-t", basket),
            event("t-1", "fan-t", basket),
            event("t-2", "fan-t", basket));
    events.append(appended.subList(0, 2), IGNORE);
    events.append(appended.subList(2, appended.size()), IGNORE);

    assertEquals(
        ids("t-1", "t-2", "t-3", "t-4", "t-0"), eventIds(events.recent(FanId.of("fan-t"), 10)));
    assertEquals(ids("t-1", "t-2"), eventIds(events.recent(FanId.of("fan-t"), 2)));
  }

  private static List<String> ids(String... ids) {
    return List.of(ids);
  }

  private static List<String> eventIds(List<Event> events) {
    return events.stream().map(e -> e.id().value()).toList();
  }

  @Test
  void allOfGivesEveryEventOfTheFanAndNoOther() throws IOException {
    assertEquals(List.of(), events.allOf(FanId.of("fan-0001")));
    events.append(BeautyHomeFixture.events(), IGNORE);

    for (FanId fan : fansWithEvents()) {
      assertEquals(
          new HashSet<>(newestFirst(fan.value())), new HashSet<>(events.allOf(fan)), fan.value());
      assertEquals(newestFirst(fan.value()).size(), events.allOf(fan).size(), fan.value());
    }
    assertEquals(List.of(), events.allOf(FanId.of("fan-0007")));
  }

  @Test
  void recentOfAFanWithoutEventsIsEmpty() throws IOException {
    assertEquals(List.of(), events.recent(FanId.of("fan-0001"), 10));
    events.append(BeautyHomeFixture.events(), IGNORE);
    assertEquals(List.of(), events.recent(FanId.of("fan-0007"), 10));
  }

  @Test
  void recentIsOrderedByEventTimeNotByArrival() throws IOException {
    Event late = event("t-3", "fan-0042", "2026-10-30T12:00:00Z");
    Event early = event("t-1", "fan-0042", "2026-10-30T08:00:00Z");
    Event middle = event("t-2", "fan-0042", "2026-10-30T10:00:00Z");
    events.append(List.of(late), IGNORE);
    events.append(List.of(early, middle), IGNORE);

    assertEquals(List.of(late, middle, early), events.recent(FanId.of("fan-0042"), 10));
  }

  @Test
  void containsOnlyWhatWasAppended() throws IOException {
    assertFalse(events.contains(EventId.of("e-0001")));
    events.append(BeautyHomeFixture.events().subList(0, 3), IGNORE);

    assertTrue(events.contains(EventId.of("e-0001")));
    assertTrue(events.contains(EventId.of("e-0003")));
    assertFalse(events.contains(EventId.of("e-0004")));
  }

  @Test
  void countAndForEachSeeEveryEventOnce() throws IOException {
    assertEquals(0, events.count());
    events.append(BeautyHomeFixture.events().subList(0, 10), IGNORE);
    events.append(BeautyHomeFixture.events(), IGNORE);

    assertEquals(FIXTURE_SIZE, events.count());
    List<Event> visited = all();
    assertEquals(FIXTURE_SIZE, visited.size());
    assertEquals(Set.copyOf(BeautyHomeFixture.events()), Set.copyOf(visited));
  }

  // ------------------------------------------------------------------ failures

  @Test
  void aBatchWhoseIterationFailsLeavesNothing() throws IOException {
    events.append(BeautyHomeFixture.events().subList(0, 5), IGNORE);
    List<Event> streamed =
        List.of(
            event("s-1", "fan-0001", "2026-11-01T10:00:00Z"),
            BeautyHomeFixture.events().get(1),
            event("s-2", "fan-0002", "2026-11-01T10:01:00Z"),
            event("s-3", "fan-0003", "2026-11-01T10:02:00Z"));
    IllegalStateException boom = new IllegalStateException("line 5 of events.jsonl is broken");
    List<Event> seen = new ArrayList<>();

    Exception thrown =
        assertThrows(
            Exception.class, () -> events.append(streamedFailing(streamed, boom), seen::add));

    assertSame(boom, rootCause(thrown), "the iteration's exception propagates");
    assertEquals(5, events.count());
    for (Event event : seen) {
      assertFalse(events.contains(event.id()), "onNew saw it, but it was not stored: " + event);
    }
    assertFalse(events.contains(EventId.of("s-1")));
    assertEquals(newestFirst("fan-0001"), events.recent(FanId.of("fan-0001"), 10));

    // The store keeps working, and the events of the failed call are new to it.
    List<Event> retried = new ArrayList<>();
    assertEquals(new AppendResult(3, 1), events.append(streamed, retried::add));
    assertEquals(3, retried.size());
    assertEquals(8, events.count());
  }

  @Test
  void aFailingOnNewLeavesNothing() throws IOException {
    events.append(BeautyHomeFixture.events().subList(0, 5), IGNORE);
    IllegalStateException boom = new IllegalStateException("the aggregate update failed");
    AtomicInteger calls = new AtomicInteger();
    Consumer<Event> failOnThird =
        e -> {
          if (calls.incrementAndGet() == 3) {
            throw boom;
          }
        };

    Exception thrown =
        assertThrows(Exception.class, () -> events.append(BeautyHomeFixture.events(), failOnThird));

    assertSame(boom, rootCause(thrown));
    assertEquals(5, events.count());
    assertFalse(events.contains(EventId.of("e-0006")));
    assertEquals(
        new AppendResult(FIXTURE_SIZE - 5, 5), events.append(BeautyHomeFixture.events(), IGNORE));
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  void concurrentAppendsLoseNothingAndCountNothingTwice() throws Exception {
    int threads = 8;
    int batches = 10;
    int batchSize = 25;
    // Thread t appends ids t*150 .. t*150+249: each overlaps its neighbours by 100 ids, and every
    // batch repeats its first event at the end.
    int stride = 150;
    int span = batches * batchSize;
    int distinct = (threads - 1) * stride + span;
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong added = new AtomicLong();
    AtomicLong duplicates = new AtomicLong();
    Map<EventId, AtomicInteger> reportedNew = new ConcurrentHashMap<>();
    List<Callable<Void>> appenders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t * stride;
      boolean backwards = t % 2 == 1;
      appenders.add(
          () -> {
            List<Event> mine = new ArrayList<>();
            for (int i = 0; i < span; i++) {
              mine.add(numbered(first + i));
            }
            if (backwards) {
              Collections.reverse(mine);
            }
            ready.countDown();
            go.await();
            for (int b = 0; b < batches; b++) {
              List<Event> batch = new ArrayList<>(mine.subList(b * batchSize, (b + 1) * batchSize));
              batch.add(batch.getFirst());
              AppendResult result =
                  events.append(
                      batch,
                      e ->
                          reportedNew
                              .computeIfAbsent(e.id(), id -> new AtomicInteger())
                              .incrementAndGet());
              added.addAndGet(result.added());
              duplicates.addAndGet(result.duplicates());
            }
            return null;
          });
    }

    List<Future<Void>> running = submitAll(appenders);
    assertTrue(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    go.countDown();
    awaitAll(running);

    assertEquals(distinct, added.get(), "added");
    assertEquals((long) threads * batches * (batchSize + 1), added.get() + duplicates.get());
    assertEquals(distinct, events.count());
    assertEquals(distinct, reportedNew.size());
    reportedNew.forEach((id, times) -> assertEquals(1, times.get(), "onNew calls for " + id));
    Set<EventId> visited = new HashSet<>();
    events.forEach(e -> assertTrue(visited.add(e.id()), "visited twice: " + e.id()));
    assertEquals(reportedNew.keySet(), visited);
  }

  @Test
  void readsDuringWritesNeverFail() throws Exception {
    events.append(BeautyHomeFixture.events(), IGNORE);
    int writers = 3;
    int batches = 15;
    int batchSize = 20;
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Void>> writerTasks = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int base = w * batches * batchSize;
      writerTasks.add(
          () -> {
            go.await();
            for (int b = 0; b < batches; b++) {
              List<Event> batch = new ArrayList<>();
              for (int i = 0; i < batchSize; i++) {
                batch.add(numbered(base + b * batchSize + i));
              }
              events.append(batch, IGNORE);
            }
            return null;
          });
    }

    List<Future<Void>> readers = submitAll(readers(4, go, writing, Set.of()));
    List<Future<Void>> running = submitAll(writerTasks);
    go.countDown();
    try {
      awaitAll(running);
    } finally {
      writing.set(false);
    }
    awaitAll(readers);

    assertEquals(FIXTURE_SIZE + writers * batches * batchSize, events.count());
  }

  @Test
  void readsDuringFailingWritesNeverFail() throws Exception {
    events.append(BeautyHomeFixture.events(), IGNORE);
    int rounds = 30;
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch go = new CountDownLatch(1);
    Set<EventId> failedIds = new HashSet<>();
    for (int r = 0; r < rounds; r++) {
      failedIds.add(EventId.of("failed-" + r));
    }
    Callable<Void> writer =
        () -> {
          go.await();
          for (int r = 0; r < rounds; r++) {
            List<Event> broken =
                List.of(event("failed-" + r, "fan-c" + (r % 5), "2026-11-02T00:00:00Z"));
            IllegalStateException boom = new IllegalStateException("broken batch " + r);
            Exception thrown =
                assertThrows(
                    Exception.class, () -> events.append(streamedFailing(broken, boom), IGNORE));
            assertSame(boom, rootCause(thrown));
            events.append(List.of(numbered(r)), IGNORE);
          }
          return null;
        };

    List<Future<Void>> readers = submitAll(readers(4, go, writing, failedIds));
    List<Future<Void>> running = submitAll(List.of(writer));
    go.countDown();
    try {
      awaitAll(running);
    } finally {
      writing.set(false);
    }
    awaitAll(readers);

    assertEquals(FIXTURE_SIZE + rounds, events.count());
    for (EventId failed : failedIds) {
      assertFalse(events.contains(failed), failed.value());
    }
  }

  /**
   * Readers that, until {@code writing} turns false, check what any reader may rely on while
   * appends run: the count never goes down, stored events stay visible, histories stay sorted, and
   * events of failed appends never show.
   */
  private List<Callable<Void>> readers(
      int count, CountDownLatch go, AtomicBoolean writing, Set<EventId> neverStored) {
    List<Callable<Void>> readers = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      FanId fan = FanId.of("fan-c" + r);
      readers.add(
          () -> {
            go.await();
            long last = FIXTURE_SIZE;
            int rounds = 0;
            do {
              long now = events.count();
              assertTrue(now >= last, "count went from " + last + " down to " + now);
              last = now;
              assertTrue(events.contains(EventId.of("e-0024")));
              List<Event> recent = events.recent(fan, 10);
              assertTrue(recent.size() <= 10);
              assertEquals(
                  recent.stream().sorted(Comparator.comparing(Event::time).reversed()).toList(),
                  recent);
              recent.forEach(e -> assertFalse(neverStored.contains(e.id()), e.id().value()));
              if (rounds++ % 8 == 0) {
                AtomicLong visited = new AtomicLong();
                events.forEach(e -> visited.incrementAndGet());
                assertTrue(visited.get() >= now, visited + " visited, " + now + " counted before");
              }
            } while (writing.get());
            return null;
          });
    }
    return readers;
  }

  // ------------------------------------------------------------------ helpers

  private <T> List<Future<T>> submitAll(List<Callable<T>> tasks) {
    return tasks.stream().map(pool::submit).toList();
  }

  private static <T> void awaitAll(List<Future<T>> futures)
      throws InterruptedException, TimeoutException {
    for (Future<T> future : futures) {
      try {
        future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new AssertionError("a thread failed: " + e.getCause(), e.getCause());
      }
    }
  }

  /** Event number {@code n}: one of five fans, times increasing with n. */
  private static Event numbered(int n) {
    return event(
        "c-" + n,
        "fan-c" + (n % 5),
        Instant.parse("2026-11-01T00:00:00Z").plusSeconds(n).toString());
  }

  private static Event event(String id, String fan, String time) {
    return BeautyHomeFixture.event(id, fan, "bh-001", "view", time).build();
  }

  private List<Event> all() throws IOException {
    List<Event> all = new ArrayList<>();
    events.forEach(all::add);
    return all;
  }

  private static Set<FanId> fansWithEvents() {
    return BeautyHomeFixture.events().stream().map(Event::fan).collect(Collectors.toSet());
  }

  private static List<Event> newestFirst(String fan) {
    return BeautyHomeFixture.events().stream()
        .filter(e -> e.fan().value().equals(fan))
        .sorted(Comparator.comparing(Event::time).reversed().thenComparing(Event::id))
        .toList();
  }

  /** Iterates {@code good}, then throws {@code e}: a streamed batch that breaks midway. */
  private static Iterable<Event> streamedFailing(List<Event> good, RuntimeException e) {
    return () ->
        new Iterator<Event>() {
          private int next;

          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public Event next() {
            if (next < good.size()) {
              return good.get(next++);
            }
            throw e;
          }
        };
  }
}
