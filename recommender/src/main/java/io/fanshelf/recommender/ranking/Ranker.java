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
}
