package io.fanshelf.recommender.collaborative;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Zeroed arrays of one slot per row, that requests borrow and give back. A request's sum over a
 * model's rows ({@link RowScores}, the fan-kNN overlaps) takes a slot per row: 800 KB each on a
 * 100,000-product or 100,000-fan model. Allocated afresh, they were half of the bytes a
 * recommendation allocated, and that allocation rate kept G1 marking the old generation under load
 * (docs/benchmarks.md). A borrower gives an array back with every slot it wrote set to 0 again; at
 * most {@link #KEPT} arrays wait here, and a borrower that finds none allocates one. Thread-safe.
 */
public final class RowArrays {
  /** Arrays kept for reuse: more than the requests a node runs at once on its cores. */
  static final int KEPT = 16;

  private final int rows;
  private final ConcurrentLinkedQueue<double[]> free = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waiting = new AtomicInteger();

  public RowArrays(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    this.rows = rows;
  }

  /** An array of {@code rows} zeros, reused when one was given back. */
  public double[] take() {
    double[] array = free.poll();
    if (array == null) {
      return new double[rows];
    }
    waiting.decrementAndGet();
    return array;
  }

  /**
   * Gives back an array from {@link #take} whose slots are all 0 again; kept unless enough wait.
   */
  public void give(double[] zeroed) {
    if (zeroed.length != rows) {
      throw new IllegalArgumentException(
          "an array of " + zeroed.length + " slots given back to a pool of " + rows);
    }
    if (waiting.incrementAndGet() <= KEPT) {
      free.offer(zeroed);
    } else {
      waiting.decrementAndGet();
    }
  }

  /** How many arrays wait to be reused. */
  int waiting() {
    return waiting.get();
  }
}
