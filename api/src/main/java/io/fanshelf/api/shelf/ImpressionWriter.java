package io.fanshelf.api.shelf;

import io.fanshelf.api.event.EventService;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.Event;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the impressions of rendered shelves in the background, on one named thread ({@code
 * fanshelf-shelf-events}), so a page never waits for a commit. Whatever queued while the last write
 * ran goes out as one batch, so a busy node writes a few large batches rather than one per page.
 * The queue is bounded: when the store falls that far behind, new impressions are dropped and
 * counted ({@code fanshelf.shelf.impressions.dropped}) instead of growing the heap; no caller was
 * promised them. Thread-safe; {@link #close} stops the thread after the queue is written.
 */
final class ImpressionWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ImpressionWriter.class);
  private static final int MAX_PAGES_PER_WRITE = 2_000;

  private final EventService events;
  private final BlockingQueue<List<Event>> queue;
  private final Counter dropped;
  private final Thread thread;
  private final Object progress = new Object();
  private long offered;
  private long written;
  private volatile boolean closing;

  /**
   * @param capacity shelves' impressions that may wait to be written
   */
  ImpressionWriter(EventService events, int capacity, MeterRegistry registry) {
    this.events = events;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.dropped =
        Counter.builder("fanshelf.shelf.impressions.dropped")
            .description("shelf impressions not recorded because the store fell behind")
            .register(registry);
    this.thread = new Thread(this::run, "fanshelf-shelf-events");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues one page's impressions; drops them (counted) when the queue is full. */
  void offer(List<Event> page) {
    synchronized (progress) {
      if (!queue.offer(page)) {
        dropped.increment(page.size());
        return;
      }
      offered++;
    }
  }

  /** Waits until everything queued before the call is written (for tests and shutdown). */
  void flush(Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      long target = offered;
      while (written < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException(
              "impressions still queued after " + timeout + ": " + (target - written) + " pages");
        }
        progress.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private void run() {
    List<List<Event>> pages = new ArrayList<>();
    while (!closing || !queue.isEmpty()) {
      try {
        List<Event> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        pages.add(first);
        queue.drainTo(pages, MAX_PAGES_PER_WRITE - 1);
        write(pages);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        synchronized (progress) {
          written += pages.size();
          progress.notifyAll();
        }
        pages.clear();
      }
    }
  }

  private void write(List<List<Event>> pages) {
    List<Event> all = new ArrayList<>();
    pages.forEach(all::addAll);
    try {
      events.append(all);
    } catch (ImportRejectedException e) {
      // One page's product left the catalog meanwhile: keep the other pages.
      pages.forEach(this::writeAlone);
    } catch (IOException | RuntimeException e) {
      LOG.warn("{} shelf impressions not recorded: {}", all.size(), e.getMessage());
    }
  }

  private void writeAlone(List<Event> page) {
    try {
      events.append(page);
    } catch (IOException | ImportRejectedException | RuntimeException e) {
      LOG.warn(
          "impressions of {} not recorded: {}",
          page.getFirst().page().orElse("a shelf"),
          e.getMessage());
    }
  }

  /** Writes what is queued, then stops the thread (waiting at most 10 seconds). */
  void close() throws InterruptedException {
    closing = true;
    thread.join(Duration.ofSeconds(10));
  }
}
