package io.fanshelf.indexer;

import io.fanshelf.indexer.model.Event;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Event batches of concurrent callers written together (group commit). A caller queues its batch
 * and takes the write lock; whoever holds the lock writes every queued batch in one store append,
 * so callers arriving during a commit share the next one instead of each paying for their own. Each
 * caller returns when the write holding its batch is durable, with its own counts, or fails with
 * that write's error. A combined write that fails is retried batch by batch, so a batch that cannot
 * be stored fails only its own caller. Thread-safe.
 */
final class CombinedAppends {
  /** One store write of the events, all or none, calling {@code onNew} for each new one. */
  @FunctionalInterface
  interface Write {
    void append(Iterable<Event> events, Consumer<Event> onNew) throws IOException;
  }

  private final ReentrantLock lock;
  private final int maxEventsPerWrite;
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

  /**
   * @param lock serialises the writes; held by the caller that writes a group
   * @param maxEventsPerWrite a group stops growing at this many events (a batch is never split)
   */
  CombinedAppends(ReentrantLock lock, int maxEventsPerWrite) {
    this.lock = lock;
    this.maxEventsPerWrite = maxEventsPerWrite;
  }

  /** What became of one caller's batch. */
  record Outcome(List<Event> stored, long duplicates) {}

  /** Writes {@code events} together with whatever other callers queued meanwhile. */
  Outcome append(List<Event> events, Write write) throws IOException {
    Pending mine = new Pending(events);
    queue.add(mine);
    lock.lock();
    try {
      while (!mine.done) {
        writeGroup(nextGroup(), write);
      }
    } finally {
      lock.unlock();
    }
    if (mine.failure instanceof IOException io) {
      throw io;
    }
    if (mine.failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    return new Outcome(List.copyOf(mine.stored), events.size() - mine.stored.size());
  }

  private List<Pending> nextGroup() {
    List<Pending> group = new ArrayList<>();
    int events = 0;
    Pending next;
    while ((next = queue.peek()) != null
        && (group.isEmpty() || events + next.events.size() <= maxEventsPerWrite)) {
      group.add(queue.poll());
      events += next.events.size();
    }
    return group;
  }

  private static void writeGroup(List<Pending> group, Write write) {
    if (group.size() == 1) {
      writeAlone(group.getFirst(), write);
      return;
    }
    // An event is counted for the first batch of the group that carries its id: that is the copy
    // the store keeps, the later ones are its duplicates.
    Map<String, Pending> firstCarrier = new HashMap<>();
    List<Event> all = new ArrayList<>();
    for (Pending pending : group) {
      for (Event event : pending.events) {
        firstCarrier.putIfAbsent(event.id().value(), pending);
      }
      all.addAll(pending.events);
    }
    try {
      write.append(all, event -> firstCarrier.get(event.id().value()).stored.add(event));
      group.forEach(pending -> pending.done = true);
    } catch (IOException | RuntimeException e) {
      for (Pending pending : group) {
        pending.stored.clear();
        writeAlone(pending, write);
      }
    }
  }

  private static void writeAlone(Pending pending, Write write) {
    try {
      write.append(pending.events, pending.stored::add);
    } catch (IOException | RuntimeException e) {
      pending.stored.clear();
      pending.failure = e;
    }
    pending.done = true;
  }

  /** A queued batch; its fields are written and read under the lock. */
  private static final class Pending {
    final List<Event> events;
    final List<Event> stored = new ArrayList<>();
    boolean done;
    Exception failure;

    Pending(List<Event> events) {
      this.events = events;
    }
  }
}
