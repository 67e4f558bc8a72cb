package io.fanshelf.recommender.collaborative;

/** Indices of the largest values, by a bounded min-heap: O(n log k). */
public final class TopK {
  private TopK() {}

  /**
   * The indices of the {@code k} largest values, largest first; ties go to the smaller index, so
   * the result does not depend on anything but the values.
   */
  public static int[] indices(double[] values, int k) {
    return indices(values, values.length, k);
  }

  /** The same over the first {@code n} values. */
  public static int[] indices(double[] values, int n, int k) {
    Heap heap = new Heap(Math.min(k, n));
    for (int i = 0; i < n; i++) {
      heap.offer(i, values[i]);
    }
    return heap.best();
  }

  /**
   * Every index of {@code values}, largest value first, ties to the smaller {@code tieBreak} (which
   * must hold distinct keys, so that the order is total). A merge sort on the two arrays: a sort of
   * objects by a comparator reads two objects and makes a call per comparison.
   */
  public static int[] order(double[] values, int[] tieBreak) {
    int n = values.length;
    if (tieBreak.length != n) {
      throw new IllegalArgumentException("values and tieBreak differ in length");
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] merged = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int low = 0; low < n; low += 2 * width) {
        int middle = Math.min(low + width, n);
        int high = Math.min(low + 2 * width, n);
        int left = low;
        int right = middle;
        int out = low;
        while (left < middle && right < high) {
          int a = order[left];
          int b = order[right];
          int c = Double.compare(values[b], values[a]);
          if (c > 0 || (c == 0 && tieBreak[b] < tieBreak[a])) {
            merged[out++] = b;
            right++;
          } else {
            merged[out++] = a;
            left++;
          }
        }
        while (left < middle) {
          merged[out++] = order[left++];
        }
        while (right < high) {
          merged[out++] = order[right++];
        }
      }
      int[] swap = order;
      order = merged;
      merged = swap;
    }
    return order;
  }

  /**
   * The first {@code k} of {@link #order(double[], int[])}, by a heap: a page needs the best few of
   * a list, not all of it in order.
   */
  public static int[] order(double[] values, int[] tieBreak, int k) {
    if (tieBreak.length != values.length) {
      throw new IllegalArgumentException("values and tieBreak differ in length");
    }
    Heap heap = new Heap(Math.min(k, values.length), tieBreak);
    for (int i = 0; i < values.length; i++) {
      heap.offer(i, values[i]);
    }
    return heap.best();
  }

  /**
   * The {@code k} best (index, score) pairs offered one at a time, without storing the others; ties
   * go to the smaller index. Not thread-safe.
   */
  public static final class Heap {
    private final int[] index;
    private final double[] score;
    // ties go to the smaller key; null: the index is the key
    private final int[] keys;
    private int size;

    public Heap(int k) {
      this(k, null);
    }

    /** Ties go to the index with the smaller {@code keys[index]} (distinct keys). */
    public Heap(int k, int[] keys) {
      this.index = new int[Math.max(0, k)];
      this.score = new double[Math.max(0, k)];
      this.keys = keys;
    }

    public void offer(int i, double value) {
      if (index.length == 0) {
        return;
      }
      if (size < index.length) {
        index[size] = i;
        score[size] = value;
        up(size++);
      } else if (beats(i, value, index[0], score[0])) {
        index[0] = i;
        score[0] = value;
        down();
      }
    }

    /** The lowest score kept once {@code k} are kept; until then negative infinity. */
    public double lowest() {
      return size < index.length ? Double.NEGATIVE_INFINITY : score[0];
    }

    /**
     * The indices offered, best first. Empties the heap: the worst is taken off its top until none
     * is left, which orders them without boxing each one for a sort.
     */
    public int[] best() {
      int[] result = new int[size];
      for (int j = size - 1; j >= 0; j--) {
        result[j] = index[0];
        size--;
        if (size > 0) {
          index[0] = index[size];
          score[0] = score[size];
          down();
        }
      }
      return result;
    }

    private boolean beats(int i, double value, int j, double other) {
      int c = Double.compare(value, other);
      return c > 0 || (c == 0 && (keys == null ? i < j : keys[i] < keys[j]));
    }

    private void up(int at) {
      while (at > 0) {
        int parent = (at - 1) / 2;
        if (!beats(index[parent], score[parent], index[at], score[at])) {
          break;
        }
        swap(parent, at);
        at = parent;
      }
    }

    private void down() {
      int at = 0;
      while (true) {
        int left = 2 * at + 1;
        int worst = at;
        if (left < size && beats(index[worst], score[worst], index[left], score[left])) {
          worst = left;
        }
        if (left + 1 < size
            && beats(index[worst], score[worst], index[left + 1], score[left + 1])) {
          worst = left + 1;
        }
        if (worst == at) {
          return;
        }
        swap(worst, at);
        at = worst;
      }
    }

    private void swap(int a, int b) {
      int ti = index[a];
      index[a] = index[b];
      index[b] = ti;
      double ts = score[a];
      score[a] = score[b];
      score[b] = ts;
    }
  }
}
