package io.fanshelf.recommender.ranking;

import java.util.List;

/** Scores candidates from their feature vectors; higher is better. Thread-safe. */
public interface Ranker {
  /** Name and version, e.g. "heuristic-v1" or a model id; shown in responses and metrics. */
  String name();

  /** The feature names it expects, in order; must equal {@code FeatureSchema.names()}. */
  List<String> featureNames();

  /** Scores one vector. */
  double score(float[] features);

  /**
   * Scores one request's candidates, {@code scores[i]} for {@code features[i]}: how serving and
   * validation both rank a list, so that a ranker that scores a list otherwise than one vector at a
   * time (a cascade, {@link TreeEnsemble#rescoreDepth}) is measured as it is served.
   */
  default double[] scores(float[][] features) {
    double[] scores = new double[features.length];
    for (int i = 0; i < features.length; i++) {
      scores[i] = score(features[i]);
    }
    return scores;
  }
}
