package io.fanshelf.training.model;

/**
 * A fitted model: scores feature vectors in {@link io.fanshelf.recommender.feature.FeatureSchema}
 * order, higher meaning more likely to be engaged with. Immutable and thread-safe.
 */
public sealed interface TrainedModel permits GbtModel, LogisticModel {
  ModelOptions options();

  /** The model's score of one vector: the probability of the positive class. */
  double score(float[] features);
}
