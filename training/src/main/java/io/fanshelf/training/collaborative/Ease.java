package io.fanshelf.training.collaborative;

import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.collaborative.ItemIndex;
import io.fanshelf.recommender.collaborative.ItemNeighbourModel;
import io.fanshelf.recommender.collaborative.TopK;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bytedeco.openblas.global.openblas;

/**
 * Fits EASE ({@link EaseOptions}): the Gram matrix of the most engaged-with products, inverted in
 * place by LAPACK's Cholesky factorisation and inverse ({@code dpotrf}, {@code dpotri}; OpenBLAS,
 * the native library Smile's linear algebra runs on, about n^3 operations), then {@code B_jt =
 * -P_jt / P_tt}, pruned to the largest weights per product. Stateless.
 */
public final class Ease {
  private Ease() {}

  public static ItemNeighbourModel fit(Interactions data, EaseOptions options) {
    int[] kept = mostEngaged(data, options.maxItems());
    int n = kept.length;
    int[] column = new int[data.itemCount()];
    java.util.Arrays.fill(column, -1);
    for (int c = 0; c < n; c++) {
      column[kept[c]] = c;
    }
    // column-major n x n; only the lower triangle is filled and read (LAPACK's 'L')
    double[] gram = new double[Math.multiplyExact(n, n)];
    int[] offsets = data.fanOffsets();
    int[] items = data.fanItems();
    float[] weights = data.fanWeights();
    int[] cols = new int[64];
    float[] vals = new float[64];
    for (int u = 0; u < data.fanCount(); u++) {
      int m = 0;
      for (int e = offsets[u]; e < offsets[u + 1]; e++) {
        int c = column[items[e]];
        if (c >= 0) {
          if (m == cols.length) {
            cols = java.util.Arrays.copyOf(cols, m * 2);
            vals = java.util.Arrays.copyOf(vals, m * 2);
          }
          cols[m] = c;
          vals[m++] = weights[e];
        }
      }
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          if (cols[b] >= cols[a]) { // row cols[b] >= column cols[a]: the lower triangle
            gram[cols[a] * n + cols[b]] += (double) vals[a] * vals[b];
          }
        }
      }
    }
    for (int c = 0; c < n; c++) {
      gram[c * n + c] += options.regularization();
    }
    byte lower = (byte) 'L';
    int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, lower, n, gram, n);
    if (info == 0) {
      info = openblas.LAPACKE_dpotri(openblas.LAPACK_COL_MAJOR, lower, n, gram, n);
    }
    if (info != 0) {
      throw new ArithmeticException(
          "EASE: the regularised Gram matrix could not be inverted (LAPACK info "
              + info
              + "); raise the regularization");
    }
    double[] p = gram; // now the inverse, lower triangle

    List<ProductId> ids = new ArrayList<>(n);
    for (int c = 0; c < n; c++) {
      ids.add(data.items().id(kept[c]));
    }
    int keep = Math.min(options.neighbours(), n - 1);
    int[][] targets = new int[n][];
    float[][] values = new float[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            j -> {
              double[] magnitude = new double[n];
              double[] weight = new double[n];
              for (int t = 0; t < n; t++) {
                if (t != j) {
                  double pjt = t >= j ? p[j * n + t] : p[t * n + j];
                  weight[t] = -pjt / p[t * n + t];
                  magnitude[t] = Math.abs(weight[t]);
                }
              }
              int[] best = TopK.indices(magnitude, keep);
              java.util.Arrays.sort(best);
              targets[j] = best;
              values[j] = new float[best.length];
              for (int e = 0; e < best.length; e++) {
                values[j][e] = (float) weight[best[e]];
              }
            });
    return Neighbours.model(EaseOptions.ALGORITHM, new ItemIndex(ids), targets, values);
  }

  /** The rows of the {@code max} products most fans engaged with, ties by row. */
  static int[] mostEngaged(Interactions data, int max) {
    double[] degree = new double[data.itemCount()];
    for (int i = 0; i < degree.length; i++) {
      degree[i] = data.itemDegree(i);
    }
    int[] rows = TopK.indices(degree, Math.min(max, degree.length));
    java.util.Arrays.sort(rows);
    return rows;
  }
}
