package io.fanshelf.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CombinedAppendsTest {
  private static final Instant T = Instant.parse("2026-02-01T00:00:00Z");

  /** An in-memory log with the store's contract: ids kept once, all or none per write. */
  private static final class Log implements CombinedAppends.Write {
    final Set<String> ids = Collections.synchronizedSet(new HashSet<>());
    final List<Integer> writeSizes = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    final CountDownLatch firstWriteMayFinish = new CountDownLatch(1);
    volatile boolean holdFirstWrite;
    volatile String refusedId = "";

    @Override
    public void append(Iterable<Event> events, Consumer<Event> onNew) throws IOException {
      if (holdFirstWrite && writeSizes.isEmpty()) {
        firstWriteStarted.countDown();
        try {
          firstWriteMayFinish.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
      List<Event> fresh = new ArrayList<>();
      Set<String> inWrite = new HashSet<>();
      int size = 0;
      for (Event event : events) {
        size++;
        if (event.id().value().equals(refusedId)) {
          throw new IOException("refused " + refusedId);
        }
        if (inWrite.add(event.id().value()) && !ids.contains(event.id().value())) {
          fresh.add(event);
        }
      }
      fresh.forEach(onNew);
      fresh.forEach(event -> ids.add(event.id().value()));
      writeSizes.add(size);
    }
  }

  private static List<Event> batch(String prefix, int size) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      events.add(Event.of(prefix + "-" + i, "f" + i, "p", EventType.VIEW, T));
    }
    return events;
  }

  @Test
  void callersWaitingDuringAWriteShareTheNextOne() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    CombinedAppends appends = new CombinedAppends(lock, 10_000);
    Log log = new Log();
    log.holdFirstWrite = true;
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      Future<CombinedAppends.Outcome> first =
          callers.submit(() -> appends.append(batch("first", 3), log));
      log.firstWriteStarted.await(30, TimeUnit.SECONDS);
      List<Future<CombinedAppends.Outcome>> waiting = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String prefix = "b" + i;
        waiting.add(callers.submit(() -> appends.append(batch(prefix, 4), log)));
      }
      waitUntil(() -> lock.getQueueLength() == 5);
      log.firstWriteMayFinish.countDown();

      assertEquals(3, first.get(30, TimeUnit.SECONDS).stored().size());
      for (Future<CombinedAppends.Outcome> outcome : waiting) {
        CombinedAppends.Outcome done = outcome.get(30, TimeUnit.SECONDS);
        assertEquals(4, done.stored().size());
        assertEquals(0, done.duplicates());
      }
      assertEquals(List.of(3, 20), log.writeSizes, "the five waiting batches went out together");
      assertEquals(23, log.ids.size());
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void anIdRepeatedAcrossBatchesOfOneWriteCountsForTheFirstBatchOnly() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    CombinedAppends appends = new CombinedAppends(lock, 10_000);
    Log log = new Log();
    log.holdFirstWrite = true;
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      Future<CombinedAppends.Outcome> first =
          callers.submit(() -> appends.append(batch("first", 1), log));
      log.firstWriteStarted.await(30, TimeUnit.SECONDS);
      Future<CombinedAppends.Outcome> a = callers.submit(() -> appends.append(batch("x", 2), log));
      waitUntil(() -> lock.getQueueLength() == 1);
      Future<CombinedAppends.Outcome> b = callers.submit(() -> appends.append(batch("x", 3), log));
      waitUntil(() -> lock.getQueueLength() == 2);
      log.firstWriteMayFinish.countDown();

      first.get(30, TimeUnit.SECONDS);
      CombinedAppends.Outcome outcomeA = a.get(30, TimeUnit.SECONDS);
      CombinedAppends.Outcome outcomeB = b.get(30, TimeUnit.SECONDS);
      assertEquals(2, outcomeA.stored().size());
      assertEquals(1, outcomeB.stored().size(), "x-0 and x-1 belong to the first batch");
      assertEquals("x-2", outcomeB.stored().getFirst().id().value());
      assertEquals(2, outcomeB.duplicates());
      assertEquals(List.of(1, 5), log.writeSizes);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aBatchTheStoreRefusesFailsOnlyItsOwnCaller() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    CombinedAppends appends = new CombinedAppends(lock, 10_000);
    Log log = new Log();
    log.holdFirstWrite = true;
    log.refusedId = "bad-1";
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      Future<CombinedAppends.Outcome> first =
          callers.submit(() -> appends.append(batch("first", 1), log));
      log.firstWriteStarted.await(30, TimeUnit.SECONDS);
      Future<CombinedAppends.Outcome> good =
          callers.submit(() -> appends.append(batch("good", 2), log));
      Future<CombinedAppends.Outcome> bad =
          callers.submit(() -> appends.append(batch("bad", 2), log));
      waitUntil(() -> lock.getQueueLength() == 2);
      log.firstWriteMayFinish.countDown();

      first.get(30, TimeUnit.SECONDS);
      assertEquals(2, good.get(30, TimeUnit.SECONDS).stored().size());
      var failure = assertThrows(Exception.class, () -> bad.get(30, TimeUnit.SECONDS));
      assertSame(IOException.class, failure.getCause().getClass());
      assertEquals(Set.of("first-0", "good-0", "good-1"), log.ids);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aGroupStopsGrowingAtTheLimitButNeverSplitsABatch() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    CombinedAppends appends = new CombinedAppends(lock, 5);
    Log log = new Log();
    log.holdFirstWrite = true;
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      Future<CombinedAppends.Outcome> first =
          callers.submit(() -> appends.append(batch("first", 1), log));
      log.firstWriteStarted.await(30, TimeUnit.SECONDS);
      List<Future<CombinedAppends.Outcome>> waiting = new ArrayList<>();
      int[] sizes = {3, 2, 7};
      for (int i = 0; i < sizes.length; i++) {
        String prefix = "b" + i;
        int size = sizes[i];
        waiting.add(callers.submit(() -> appends.append(batch(prefix, size), log)));
        int queued = i + 1;
        waitUntil(() -> lock.getQueueLength() == queued);
      }
      log.firstWriteMayFinish.countDown();
      first.get(30, TimeUnit.SECONDS);
      for (Future<CombinedAppends.Outcome> outcome : waiting) {
        outcome.get(30, TimeUnit.SECONDS);
      }
      assertEquals(List.of(1, 5, 7), log.writeSizes);
    } finally {
      callers.shutdownNow();
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition not reached in 30 s");
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
