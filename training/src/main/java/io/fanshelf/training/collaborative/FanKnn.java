package io.fanshelf.training.collaborative;

import io.fanshelf.recommender.collaborative.FanNeighbourModel;
import java.util.Arrays;

/**
 * Fits {@link FanKnnOptions}: keeps each fan's {@code recentItems} latest products (their recent
 * co-interactions) for {@link FanNeighbourModel} to compare fans with at request time. Stateless.
 */
public final class FanKnn {
  private FanKnn() {}

  public static FanNeighbourModel fit(Interactions data, FanKnnOptions options) {
    int[] offsets = data.fanOffsets();
    int[] items = data.fanItems();
    long[] times = data.fanTimes();
    int[] keptOffsets = new int[data.fanCount() + 1];
    int[][] kept = new int[data.fanCount()][];
    for (int u = 0; u < data.fanCount(); u++) {
      int from = offsets[u];
      int size = offsets[u + 1] - from;
      int[] rows;
      if (size <= options.recentItems()) {
        rows = Arrays.copyOfRange(items, from, offsets[u + 1]);
      } else {
        Integer[] byTime = new Integer[size];
        for (int e = 0; e < size; e++) {
          byTime[e] = from + e;
        }
        // newest first, ties by product row
        Arrays.sort(
            byTime,
            (a, b) -> {
              int c = Long.compare(times[b], times[a]);
              return c != 0 ? c : Integer.compare(items[a], items[b]);
            });
        rows = new int[options.recentItems()];
        for (int e = 0; e < rows.length; e++) {
          rows[e] = items[byTime[e]];
        }
        Arrays.sort(rows);
      }
      kept[u] = rows;
      keptOffsets[u + 1] = keptOffsets[u] + rows.length;
    }
    int[] flat = new int[keptOffsets[data.fanCount()]];
    for (int u = 0; u < kept.length; u++) {
      System.arraycopy(kept[u], 0, flat, keptOffsets[u], kept[u].length);
    }
    return new FanNeighbourModel(
        data.items(),
        data.fans(),
        keptOffsets,
        flat,
        options.neighbours(),
        options.shrinkage(),
        options.fansPerItem());
  }
}
