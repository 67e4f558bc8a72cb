package io.fanshelf.recommender.ranking;

import java.util.List;
import java.util.stream.IntStream;

/** Scores candidates from their feature vectors; higher is better. Thread-safe. */
public interface Ranker {
  /** Name and version, e.g. "heuristic-v1" or a model id; shown in responses and metrics. */
  String name();

  /** The feature names it expects, in order; must equal {@code FeatureSchema.names()}. */
  List<String> featureNames();

  /** Scores one vector. */
  double score(float[] features);

  /**
   * The feature slots {@link #score} reads; a vector with only these set scores the same as a whole
   * one. All of them unless a ranker says otherwise.
   */
  default int[] reads() {
    return IntStream.range(0, featureNames().size()).toArray();
  }

  /**
   * Scores one request's candidates, {@code scores[i]} for vector {@code i}: how serving and
   * validation both rank a list, so that a ranker that scores a list otherwise than one vector at a
   * time (a cascade, {@link TreeEnsemble#rescoreDepth}) is measured as it is served.
   */
  default double[] scores(FeatureVectors vectors) {
    int[] read = reads();
    double[] scores = new double[vectors.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = score(vectors.vectorOnce(i, read));
    }
    return scores;
  }

  /** {@link #scores(FeatureVectors)} of vectors computed whole. */
  default double[] scores(float[][] features) {
    return scores(FeatureVectors.of(features));
  }
}
