package io.fanshelf.training.model;

import io.fanshelf.recommender.feature.FeatureSchema;
import smile.classification.GradientTreeBoost;

/**
 * Access to the parts of fitted models for the artifact codec, which lives in another package. Not
 * for general use.
 */
public final class TrainedModels {
  private TrainedModels() {}

  /** The numbers of a logistic model. */
  public record LogisticParts(
      double[] weights, double intercept, double[] means, double[] scales) {}

  public static Object gbtTrees(TrainedModel model) {
    return ((GbtModel) model).trees();
  }

  public static TrainedModel gbt(GbtOptions options, Object trees) {
    if (!(trees instanceof GradientTreeBoost boost)) {
      throw new IllegalArgumentException(
          "expected a Smile GradientTreeBoost, got " + trees.getClass().getName());
    }
    return new GbtModel(options, boost, FeatureSchema.names());
  }

  public static LogisticParts logisticParts(TrainedModel model) {
    LogisticModel logistic = (LogisticModel) model;
    return new LogisticParts(
        logistic.weights(), logistic.intercept(), logistic.means(), logistic.scales());
  }

  public static TrainedModel logistic(LogisticOptions options, LogisticParts parts) {
    return new LogisticModel(
        options, parts.weights(), parts.intercept(), parts.means(), parts.scales());
  }
}
