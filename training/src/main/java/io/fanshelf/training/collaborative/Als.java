package io.fanshelf.training.collaborative;

import io.fanshelf.recommender.collaborative.FactorModel;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Fits implicit ALS ({@link FactorModel}'s loss) by alternating exact-in-the-limit solves: every
 * fan's vector given the products', then every product's given the fans', each a k x k system
 * solved by a few conjugate-gradient steps started from the previous sweep's solution (Takács et
 * al. 2011). Fans and products are solved in parallel; each solve reads only the other side, so the
 * result does not depend on the thread count. Stateless.
 */
public final class Als {
  private Als() {}

  public static FactorModel fit(Interactions data, AlsOptions options) {
    int k = options.factors();
    int fans = data.fanCount();
    int items = data.itemCount();
    float[] fanFactors = new float[fans * k];
    float[] itemFactors = new float[items * k];
    SplittableRandom random = new SplittableRandom(options.seed());
    double scale = options.initScale() / Math.sqrt(k);
    for (int i = 0; i < itemFactors.length; i++) {
      itemFactors[i] = (float) (random.nextGaussian() * scale);
    }
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      sweep(
          fans,
          items,
          k,
          data.fanOffsets(),
          data.fanItems(),
          data.fanWeights(),
          itemFactors,
          fanFactors,
          options);
      sweep(
          items,
          fans,
          k,
          data.itemOffsets(),
          data.itemFans(),
          data.itemWeights(),
          fanFactors,
          itemFactors,
          options);
    }
    return new FactorModel(
        data.items(),
        k,
        itemFactors,
        FactorModel.gramian(itemFactors, items, k),
        options.regularization(),
        options.unobservedWeight(),
        options.frequencyExponent());
  }

  /** Solves every row of {@code solved} against the fixed {@code fixed} side. */
  private static void sweep(
      int rows,
      int fixedRows,
      int k,
      int[] offsets,
      int[] entries,
      float[] weights,
      float[] fixed,
      float[] solved,
      AlsOptions options) {
    double[] gramian = FactorModel.gramian(fixed, fixedRows, k);
    IntStream.range(0, rows)
        .parallel()
        .forEach(
            row -> {
              int from = offsets[row];
              int to = offsets[row + 1];
              if (from == to) {
                return;
              }
              double[] x = new double[k];
              int base = row * k;
              for (int f = 0; f < k; f++) {
                x[f] = solved[base + f];
              }
              FactorModel.solve(
                  fixed,
                  gramian,
                  fixedRows,
                  k,
                  java.util.Arrays.copyOfRange(entries, from, to),
                  java.util.Arrays.copyOfRange(weights, from, to),
                  options.regularization(),
                  options.unobservedWeight(),
                  options.frequencyExponent(),
                  false,
                  x,
                  options.cgSteps());
              for (int f = 0; f < k; f++) {
                solved[base + f] = (float) x[f];
              }
            });
  }
}
