package io.fanshelf.training.model;

import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.ranking.LinearRanker;
import io.fanshelf.recommender.ranking.Ranker;
import io.fanshelf.training.dataset.Dataset;
import java.util.Optional;
import smile.classification.LogisticRegression;
import smile.math.MathEx;

/**
 * Fits a ranker to a dataset: {@code fit(data, options)} returns serving's ranker. The same data,
 * options and seed give the same ranker. Stateless; Smile's random generator is seeded on the
 * calling thread.
 */
public final class Fit {
  private Fit() {}

  /** Fits {@code options}' algorithm; {@code name} names the ranker in responses. */
  public static Ranker fit(Dataset data, ModelOptions options, String name) {
    return fit(data, options, name, Optional.empty());
  }

  /**
   * The same; LambdaMART boosts from {@code base} when given (a linear ranker has its own weight
   * for every feature, base included).
   */
  public static Ranker fit(Dataset data, ModelOptions options, String name, Optional<Ranker> base) {
    requireBothClasses(data);
    return switch (options) {
      case LambdaMartOptions lambdaMart ->
          base.isPresent()
              ? LambdaMart.fit(data, lambdaMart, name, base.get())
              : LambdaMart.fit(data, lambdaMart, name);
      case LogisticOptions logistic -> logistic(data, logistic, name);
    };
  }

  private static void requireBothClasses(Dataset data) {
    long positives = data.positives();
    if (positives == 0 || positives == data.size()) {
      throw new IllegalArgumentException(
          "a ranker needs relevant and irrelevant examples; the dataset has "
              + positives
              + " relevant among "
              + data.size()
              + " examples (window "
              + data.window()
              + "). Use more data or a longer label window.");
    }
  }

  /** A pointwise logistic regression on standardised features, as a linear ranker. */
  static LinearRanker logistic(Dataset data, LogisticOptions options, String name) {
    int n = data.size();
    int p = Feature.count();
    double[] means = new double[p];
    double[] scales = new double[p];
    for (float[] row : data.features()) {
      for (int f = 0; f < p; f++) {
        means[f] += row[f];
      }
    }
    for (int f = 0; f < p; f++) {
      means[f] /= n;
    }
    for (float[] row : data.features()) {
      for (int f = 0; f < p; f++) {
        double d = row[f] - means[f];
        scales[f] += d * d;
      }
    }
    for (int f = 0; f < p; f++) {
      double sd = Math.sqrt(scales[f] / n);
      scales[f] = sd > 1e-9 ? sd : 1; // a constant feature stays 0 after centring
    }
    double[][] x = new double[n][p];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < p; f++) {
        x[i][f] = (data.features()[i][f] - means[f]) / scales[f];
      }
    }
    MathEx.setSeed(options.seed());
    LogisticRegression.Binomial fitted =
        LogisticRegression.binomial(
            x,
            data.labels(),
            new LogisticRegression.Options(
                options.lambda(), options.tolerance(), options.maxIterations()));
    double[] coefficients = fitted.coefficients(); // one per feature, then the intercept
    double[] weights = new double[p];
    System.arraycopy(coefficients, 0, weights, 0, p);
    return new LinearRanker(name, Feature.names(), weights, means, scales);
  }
}
