package io.fanshelf.recommender.ranking;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A weighted sum of standardised features, as a logistic regression fits it: {@code sum_f w_f (x_f
 * - mean_f) / scale_f}. The intercept does not change an order, so it is not kept. Immutable and
 * thread-safe.
 */
public final class LinearRanker implements Ranker {
  private final String name;
  private final List<String> featureNames;
  private final double[] weights;
  private final double[] means;
  private final double[] scales;

  /** The features with a weight: a blend weighs a few of them, the rest cost nothing. */
  private final int[] used;

  public LinearRanker(
      String name, List<String> featureNames, double[] weights, double[] means, double[] scales) {
    this.name = Objects.requireNonNull(name, "name");
    this.featureNames = List.copyOf(featureNames);
    int p = this.featureNames.size();
    if (weights.length != p || means.length != p || scales.length != p) {
      throw new IllegalArgumentException("expected " + p + " weights, means and scales");
    }
    for (int f = 0; f < p; f++) {
      if (!Double.isFinite(weights[f]) || !Double.isFinite(means[f]) || !(scales[f] > 0)) {
        throw new IllegalArgumentException("feature " + featureNames.get(f) + " has bad numbers");
      }
    }
    this.weights = weights.clone();
    this.means = means.clone();
    this.scales = scales.clone();
    this.used = IntStream.range(0, p).filter(f -> weights[f] != 0).toArray();
  }

  public LinearRanker named(String newName) {
    return new LinearRanker(newName, featureNames, weights, means, scales);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public int[] reads() {
    return used.clone();
  }

  @Override
  public double score(float[] features) {
    double sum = 0;
    for (int f : used) {
      sum += weights[f] * (features[f] - means[f]) / scales[f];
    }
    return sum;
  }

  public double[] weights() {
    return weights.clone();
  }

  public double[] means() {
    return means.clone();
  }

  public double[] scales() {
    return scales.clone();
  }
}
