package io.fanshelf.training.collaborative;

import io.fanshelf.recommender.collaborative.ItemNeighbourModel;
import io.fanshelf.recommender.collaborative.TopK;
import java.util.stream.IntStream;

/**
 * Fits {@link ItemKnnOptions}: for each product, one pass over its fans and their products
 * accumulates the co-occurrence (cosine) or the random-walk probability (RP3beta) with every
 * product reached; the largest are kept. Work is the sum over fans of their product count squared.
 * Products in parallel; the result does not depend on the thread count. Stateless.
 */
public final class ItemKnn {
  private ItemKnn() {}

  public static ItemNeighbourModel fit(Interactions data, ItemKnnOptions options) {
    int n = data.itemCount();
    int[] fanOffsets = data.fanOffsets();
    int[] fanItems = data.fanItems();
    float[] fanWeights = data.fanWeights();
    int[] itemOffsets = data.itemOffsets();
    int[] itemFans = data.itemFans();
    float[] itemWeights = data.itemWeights();
    boolean cosine = options.similarity().equals(ItemKnnOptions.COSINE);
    // cosine: each product's squared norm; rp3beta: each fan's and product's total weight
    double[] itemNorm = new double[n];
    double[] itemTotal = new double[n];
    for (int i = 0; i < n; i++) {
      for (int e = itemOffsets[i]; e < itemOffsets[i + 1]; e++) {
        itemNorm[i] += (double) itemWeights[e] * itemWeights[e];
        itemTotal[i] += itemWeights[e];
      }
    }
    double[] fanTotal = new double[data.fanCount()];
    for (int u = 0; u < fanTotal.length; u++) {
      for (int e = fanOffsets[u]; e < fanOffsets[u + 1]; e++) {
        fanTotal[u] += fanWeights[e];
      }
    }
    int[][] targets = new int[n][];
    float[][] values = new float[n][];
    ThreadLocal<double[]> scratch = ThreadLocal.withInitial(() -> new double[n]);
    IntStream.range(0, n)
        .parallel()
        .forEach(
            j -> {
              double[] sum = scratch.get();
              int[] touched = new int[16];
              int count = 0;
              for (int e = itemOffsets[j]; e < itemOffsets[j + 1]; e++) {
                int u = itemFans[e];
                double from =
                    cosine
                        ? itemWeights[e]
                        : Math.pow(itemWeights[e] / itemTotal[j], options.alpha());
                for (int f = fanOffsets[u]; f < fanOffsets[u + 1]; f++) {
                  int t = fanItems[f];
                  if (t == j) {
                    continue;
                  }
                  double to =
                      cosine
                          ? fanWeights[f]
                          : Math.pow(fanWeights[f] / fanTotal[u], options.alpha());
                  if (sum[t] == 0) {
                    if (count == touched.length) {
                      touched = java.util.Arrays.copyOf(touched, count * 2);
                    }
                    touched[count++] = t;
                  }
                  sum[t] += from * to;
                }
              }
              double[] weight = new double[count];
              for (int c = 0; c < count; c++) {
                int t = touched[c];
                weight[c] =
                    cosine
                        ? sum[t] / (Math.sqrt(itemNorm[j] * itemNorm[t]) + options.shrinkage())
                        : sum[t] / Math.pow(itemTotal[t], options.beta());
                sum[t] = 0;
              }
              int[] best = TopK.indices(weight, options.neighbours());
              int[] rows = new int[best.length];
              for (int b = 0; b < best.length; b++) {
                rows[b] = touched[best[b]];
              }
              java.util.Arrays.sort(rows);
              float[] kept = new float[rows.length];
              for (int b = 0; b < best.length; b++) {
                int at = java.util.Arrays.binarySearch(rows, touched[best[b]]);
                kept[at] = (float) weight[best[b]];
              }
              targets[j] = rows;
              values[j] = kept;
            });
    return Neighbours.model(options.similarity(), data.items(), targets, values);
  }
}
