package io.fanshelf.api.event;

import java.io.IOException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.stereotype.Component;

/**
 * Makes storing a batch and counting it ({@link EventsStored}, whose listeners run on the storing
 * thread) one step for whoever needs the log's position and the counts made from it to agree:
 * batches store concurrently with each other, and {@link #quiet} waits until those under way are
 * counted and keeps new ones out meanwhile. Thread-safe.
 */
@Component
public class StoringGate {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** Work that may throw an I/O error or a checked exception of its own. */
  public interface Step<T, E extends Exception> {
    T run() throws E, IOException;
  }

  /** Stores and counts a batch; concurrent with other batches, never with {@link #quiet}. */
  <T, E extends Exception> T storing(Step<T, E> step) throws E, IOException {
    lock.readLock().lock();
    try {
      return step.run();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Runs {@code step} while no batch is being stored or counted: what the log holds then is exactly
   * what the listeners have counted.
   */
  public <T, E extends Exception> T quiet(Step<T, E> step) throws E, IOException {
    lock.writeLock().lock();
    try {
      return step.run();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
