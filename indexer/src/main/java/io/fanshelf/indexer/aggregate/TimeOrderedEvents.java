package io.fanshelf.indexer.aggregate;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The positive events of a rebuild, held compactly (24 bytes each plus the distinct ids) so that
 * they can be applied in one canonical order whatever order the log was read in: by time, then fan
 * id, then product id, then weight. Events equal in all four change the aggregates the same way, so
 * their relative order does not matter. Not thread-safe; one rebuild uses it.
 */
final class TimeOrderedEvents {
  /** Receives the events in order. */
  interface Visitor {
    void accept(long timeMillis, FanId fan, ProductId product, double weight);
  }

  private final Interner<FanId> fans = new Interner<>();
  private final Interner<ProductId> products = new Interner<>();
  private long[] times = new long[1024];
  private int[] fanIndexes = new int[1024];
  private int[] productIndexes = new int[1024];
  private double[] weights = new double[1024];
  private int size;

  void add(Instant time, FanId fan, ProductId product, double weight) {
    if (size == times.length) {
      int grown = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, size * 2L));
      times = Arrays.copyOf(times, grown);
      fanIndexes = Arrays.copyOf(fanIndexes, grown);
      productIndexes = Arrays.copyOf(productIndexes, grown);
      weights = Arrays.copyOf(weights, grown);
    }
    times[size] = time.toEpochMilli();
    fanIndexes[size] = fans.intern(fan);
    productIndexes[size] = products.intern(product);
    weights[size] = weight;
    size++;
  }

  /** The distinct fans seen, in no particular order. */
  List<FanId> fans() {
    return fans.values();
  }

  /** The distinct products seen, in no particular order. */
  List<ProductId> products() {
    return products.values();
  }

  /** Visits every event in the canonical order. */
  void forEachInOrder(Visitor visitor) {
    int[] fanRank = ranks(fans);
    int[] productRank = ranks(products);
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    sort(order, new int[size], 0, size, fanRank, productRank);
    for (int i : order) {
      visitor.accept(
          times[i], fans.get(fanIndexes[i]), products.get(productIndexes[i]), weights[i]);
    }
  }

  /** For each interned index, its position among the distinct values in natural order. */
  private static <T extends Comparable<T>> int[] ranks(Interner<T> interner) {
    Integer[] byValue = new Integer[interner.size()];
    for (int i = 0; i < byValue.length; i++) {
      byValue[i] = i;
    }
    Arrays.sort(byValue, Comparator.comparing(interner::get));
    int[] rank = new int[byValue.length];
    for (int r = 0; r < byValue.length; r++) {
      rank[byValue[r]] = r;
    }
    return rank;
  }

  /** Merge sort of event positions (no boxing of millions of indexes); stable. */
  private void sort(
      int[] order, int[] scratch, int from, int to, int[] fanRank, int[] productRank) {
    if (to - from < 2) {
      return;
    }
    int middle = (from + to) >>> 1;
    sort(order, scratch, from, middle, fanRank, productRank);
    sort(order, scratch, middle, to, fanRank, productRank);
    if (compare(order[middle - 1], order[middle], fanRank, productRank) <= 0) {
      return; // already in order: logs are mostly appended in time order
    }
    System.arraycopy(order, from, scratch, from, to - from);
    int left = from;
    int right = middle;
    for (int out = from; out < to; out++) {
      if (right >= to
          || left < middle && compare(scratch[left], scratch[right], fanRank, productRank) <= 0) {
        order[out] = scratch[left++];
      } else {
        order[out] = scratch[right++];
      }
    }
  }

  private int compare(int a, int b, int[] fanRank, int[] productRank) {
    int c = Long.compare(times[a], times[b]);
    if (c == 0) {
      c = Integer.compare(fanRank[fanIndexes[a]], fanRank[fanIndexes[b]]);
    }
    if (c == 0) {
      c = Integer.compare(productRank[productIndexes[a]], productRank[productIndexes[b]]);
    }
    return c != 0 ? c : Double.compare(weights[a], weights[b]);
  }
}
