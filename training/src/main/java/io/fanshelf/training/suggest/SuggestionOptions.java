package io.fanshelf.training.suggest;

import java.util.List;

/**
 * How label suggestions are learned. Each value is checked here, naming it when it is out of range.
 *
 * @param minProducts a fan needs positive feedback on at least this many distinct products to be
 *     profiled (fewer says too little to suggest anything)
 * @param minFeatureFans a profile feature is used when at least this many fans have it
 * @param maxFeatures at most this many features, the ones most fans have
 * @param minLabelledFans a dimension is learned when at least this many profiled fans carry an
 *     owner's label for it; below that the taxonomy's match rules are the prior
 * @param minClassFans a value is a class of the classifier when at least this many labelled fans
 *     have it (rarer values cannot be learned and are not suggested by it)
 * @param lambdas the L2 penalties tried; the one with the lowest validation log-loss is kept
 * @param validationShare share of each class's labelled fans held out to choose the penalty
 * @param threshold the default confidence a suggestion needs to be shown
 * @param seed for the validation split
 */
public record SuggestionOptions(
    int minProducts,
    int minFeatureFans,
    int maxFeatures,
    int minLabelledFans,
    int minClassFans,
    List<Double> lambdas,
    double validationShare,
    double threshold,
    long seed) {

  public SuggestionOptions {
    requireAtLeast("minProducts", minProducts, 1);
    requireAtLeast("minFeatureFans", minFeatureFans, 1);
    requireAtLeast("maxFeatures", maxFeatures, 1);
    requireAtLeast("minLabelledFans", minLabelledFans, 2);
    requireAtLeast("minClassFans", minClassFans, 2);
    lambdas = List.copyOf(lambdas);
    if (lambdas.isEmpty() || lambdas.stream().anyMatch(l -> !(l >= 0))) {
      throw new IllegalArgumentException("lambdas must be one or more values >= 0, got " + lambdas);
    }
    if (!(validationShare > 0 && validationShare < 1)) {
      throw new IllegalArgumentException(
          "validationShare must be in (0, 1), got " + validationShare);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    }
  }

  public static SuggestionOptions defaults() {
    return new SuggestionOptions(3, 5, 400, 30, 5, List.of(0.1, 1.0, 10.0, 100.0), 0.2, 0.6, 42);
  }

  public SuggestionOptions withThreshold(double other) {
    return new SuggestionOptions(
        minProducts,
        minFeatureFans,
        maxFeatures,
        minLabelledFans,
        minClassFans,
        lambdas,
        validationShare,
        other,
        seed);
  }

  private static void requireAtLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be >= " + minimum + ", got " + value);
    }
  }
}
