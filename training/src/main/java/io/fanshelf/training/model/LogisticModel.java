package io.fanshelf.training.model;

import java.util.Objects;

/**
 * Logistic regression on standardised features: {@code sigmoid(b + sum w_i (x_i - mean_i) /
 * scale_i)}. Immutable and thread-safe; stored as plain numbers.
 */
public final class LogisticModel implements TrainedModel {
  private final LogisticOptions options;
  private final double[] weights;
  private final double intercept;
  private final double[] means;
  private final double[] scales;

  LogisticModel(
      LogisticOptions options,
      double[] weights,
      double intercept,
      double[] means,
      double[] scales) {
    this.options = Objects.requireNonNull(options, "options");
    if (weights.length != means.length || means.length != scales.length) {
      throw new IllegalArgumentException("weights, means and scales differ in length");
    }
    this.weights = weights.clone();
    this.intercept = intercept;
    this.means = means.clone();
    this.scales = scales.clone();
  }

  @Override
  public LogisticOptions options() {
    return options;
  }

  double[] weights() {
    return weights.clone();
  }

  double intercept() {
    return intercept;
  }

  double[] means() {
    return means.clone();
  }

  double[] scales() {
    return scales.clone();
  }

  @Override
  public double score(float[] features) {
    double z = intercept;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * (features[i] - means[i]) / scales[i];
    }
    return 1 / (1 + Math.exp(-z));
  }
}
