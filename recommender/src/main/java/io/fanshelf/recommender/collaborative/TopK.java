package io.fanshelf.recommender.collaborative;

import java.util.Arrays;

/** Indices of the largest values, by a bounded min-heap: O(n log k). Stateless. */
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
    k = Math.min(k, n);
    if (k <= 0) {
      return new int[0];
    }
    int[] heap = new int[k]; // min-heap by (value, then larger index is "smaller")
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (size < k) {
        heap[size] = i;
        siftUp(heap, size++, values);
      } else if (better(i, heap[0], values)) {
        heap[0] = i;
        siftDown(heap, k, values);
      }
    }
    Integer[] sorted = new Integer[size];
    for (int i = 0; i < size; i++) {
      sorted[i] = heap[i];
    }
    Arrays.sort(sorted, (a, b) -> better(a, b, values) ? -1 : better(b, a, values) ? 1 : 0);
    int[] result = new int[size];
    for (int i = 0; i < size; i++) {
      result[i] = sorted[i];
    }
    return result;
  }

  private static boolean better(int a, int b, double[] values) {
    int c = Double.compare(values[a], values[b]);
    return c > 0 || (c == 0 && a < b);
  }

  private static void siftUp(int[] heap, int at, double[] values) {
    while (at > 0) {
      int parent = (at - 1) / 2;
      if (!better(heap[parent], heap[at], values)) {
        break;
      }
      int t = heap[parent];
      heap[parent] = heap[at];
      heap[at] = t;
      at = parent;
    }
  }

  private static void siftDown(int[] heap, int size, double[] values) {
    int at = 0;
    while (true) {
      int left = 2 * at + 1;
      int worst = at;
      if (left < size && better(heap[worst], heap[left], values)) {
        worst = left;
      }
      if (left + 1 < size && better(heap[worst], heap[left + 1], values)) {
        worst = left + 1;
      }
      if (worst == at) {
        return;
      }
      int t = heap[worst];
      heap[worst] = heap[at];
      heap[at] = t;
      at = worst;
    }
  }
}
