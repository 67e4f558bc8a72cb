package io.fanshelf.recommender.collaborative;

import java.util.Arrays;

/**
 * One request's scores summed per row of a collaborative model (an item-to-item or fan-kNN sum over
 * the fan's history), read by catalog ordinal through the model's {@link
 * BoundCollaborative.Binding}. A slot per row instead of a hash map by ordinal: a sum makes tens of
 * thousands of adds, and each add is then one array write where the map took a row-to-ordinal read
 * and a probe of two arrays, cache misses all three on a large catalog. The rows the catalog does
 * not have are not kept, as before. The same values as summing by ordinal: rows and ordinals pair
 * one to one, and the adds come in the same order. The slots are borrowed from the model's {@link
 * RowArrays} and given back by {@link #release}. Not thread-safe: one per request.
 */
public final class RowScores implements ScoreSink {
  private final BoundCollaborative.Binding binding;
  private final RowArrays pool;
  private double[] byRow;
  private final long[] touched;
  // the ordinals of the rows written: a feature read of an unscored candidate (most of them) is
  // answered from these bits, without the two cache misses of its row and its sum
  private final long[] scoredOrdinals;
  private int[] rows;
  private int count;
  // whether rows, count and scoredOrdinals hold the adds (no add comes after a read)
  private boolean indexed;

  /** Sums over the rows of {@code pool}'s model, in an array borrowed from it. */
  public RowScores(BoundCollaborative.Binding binding, RowArrays pool) {
    this.binding = binding;
    this.pool = pool;
    this.byRow = pool.take();
    this.touched = new long[(byRow.length + 63) >>> 6];
    this.scoredOrdinals = new long[(binding.rowOfOrdinal().length + 63) >>> 6];
  }

  /** Scores of no model: every product 0, none on top. */
  public static RowScores none() {
    return new RowScores(NO_MODEL, NO_ROWS);
  }

  private static final BoundCollaborative.Binding NO_MODEL =
      new BoundCollaborative.Binding(new int[0], new int[0]);
  private static final RowArrays NO_ROWS = new RowArrays(0);

  /**
   * Zeroes the rows written and gives the array back to the pool; the scores are not read after.
   * Not calling it only costs the reuse.
   */
  public void release() {
    if (byRow == null) {
      return;
    }
    if (written() > byRow.length / 32) {
      // many rows written (an item-to-item sum over a long history): clearing the whole array in
      // order beats as many scattered writes
      Arrays.fill(byRow, 0);
    } else {
      for (int word = 0; word < touched.length; word++) {
        for (long bits = touched[word]; bits != 0; bits &= bits - 1) {
          byRow[(word << 6) + Long.numberOfTrailingZeros(bits)] = 0;
        }
      }
    }
    pool.give(byRow);
    byRow = null;
  }

  /**
   * Adds {@code score} to {@code row}'s sum. Only the sum and a bit: which rows the catalog has is
   * worked out once, after the adds, in {@link #index}; a branch here on whether the row is new
   * stalled the adds behind each other's cache misses.
   */
  @Override
  public void add(int row, double score) {
    assert !indexed : "an add after a read";
    touched[row >>> 6] |= 1L << row;
    byRow[row] += score;
  }

  /**
   * The rows written that the catalog has, in row order, and their ordinals' bits; once, on the
   * first read after the adds. A row the catalog lacks keeps its sum but no ordinal reads it.
   */
  private void index() {
    if (indexed) {
      return;
    }
    indexed = true;
    rows = new int[written()];
    for (int word = 0; word < touched.length; word++) {
      for (long bits = touched[word]; bits != 0; bits &= bits - 1) {
        int row = (word << 6) + Long.numberOfTrailingZeros(bits);
        int ordinal = binding.ordinal(row);
        if (ordinal >= 0) {
          scoredOrdinals[ordinal >>> 6] |= 1L << ordinal;
          rows[count++] = row;
        }
      }
    }
  }

  /** How many rows were written, the catalog's or not. */
  private int written() {
    int written = 0;
    for (long word : touched) {
      written += Long.bitCount(word);
    }
    return written;
  }

  /** The sum of the product at catalog {@code ordinal}; 0 when nothing was added to it. */
  public double get(int ordinal) {
    index();
    if (ordinal < 0
        || ordinal >>> 6 >= scoredOrdinals.length
        || (scoredOrdinals[ordinal >>> 6] & (1L << ordinal)) == 0) {
      return 0;
    }
    int row = binding.row(ordinal);
    return row < 0 ? 0 : byRow[row];
  }

  /** How many products got a score. */
  public int size() {
    index();
    return count;
  }

  /** The ordinals with the {@code k} largest sums, best first, ties to the smaller ordinal. */
  public int[] top(int k) {
    index();
    if (count == 0 || k <= 0) {
      return new int[0];
    }
    TopK.Heap heap = new TopK.Heap(Math.min(k, count));
    for (int i = 0; i < count; i++) {
      heap.offer(binding.ordinal(rows[i]), byRow[rows[i]]);
    }
    return heap.best();
  }
}
