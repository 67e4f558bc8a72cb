package io.fanshelf.training.model;

import java.util.Map;

/**
 * L2-regularised logistic regression (Smile {@code LogisticRegression.binomial}) on standardised
 * features.
 *
 * @param lambda L2 penalty, 0 to 1,000
 * @param tolerance convergence tolerance of the optimiser, in (0, 0.1]
 * @param maxIterations optimiser iterations, 1 to 10,000
 * @param seed recorded for reproducibility (the optimiser is deterministic)
 */
public record LogisticOptions(double lambda, double tolerance, int maxIterations, long seed)
    implements ModelOptions {
  public static final String ALGORITHM = "logistic";

  public LogisticOptions {
    if (!(lambda >= 0 && lambda <= 1_000)) {
      throw new IllegalArgumentException("lambda must be between 0 and 1000, got " + lambda);
    }
    if (!(tolerance > 0 && tolerance <= 0.1)) {
      throw new IllegalArgumentException("tolerance must be in (0, 0.1], got " + tolerance);
    }
    if (maxIterations < 1 || maxIterations > 10_000) {
      throw new IllegalArgumentException(
          "maxIterations must be between 1 and 10000, got " + maxIterations);
    }
  }

  /** lambda 0.1, tolerance 1e-5, 500 iterations. */
  public static LogisticOptions defaults(long seed) {
    return new LogisticOptions(0.1, 1e-5, 500, seed);
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  static LogisticOptions of(Map<String, ?> v) {
    return new LogisticOptions(
        ModelOptions.number(v, "lambda").doubleValue(),
        ModelOptions.number(v, "tolerance").doubleValue(),
        ModelOptions.number(v, "maxIterations").intValue(),
        ModelOptions.number(v, "seed").longValue());
  }
}
