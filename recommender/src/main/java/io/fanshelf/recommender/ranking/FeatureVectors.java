package io.fanshelf.recommender.ranking;

/**
 * The feature vectors of one request's candidates, as a ranker reads them: whole, or with only the
 * features a cheap first stage reads ({@link Ranker#reads()}), so that a cascade computes every
 * feature only for the candidates its trees score. Serving fills them on demand ({@code
 * FeatureExtractor#vectors}); training and validation hold them whole ({@link #of}). Not
 * thread-safe.
 */
public interface FeatureVectors {
  int size();

  /** Candidate {@code i}'s vector with at least the features in {@code slots} set. */
  float[] vector(int i, int[] slots);

  /**
   * Candidate {@code i}'s features in {@code slots}, to be scored at once: the array may be the one
   * the next call fills, and hold anything in the other slots. A first stage that reads a few
   * features of every candidate so keeps no vector per candidate.
   */
  default float[] vectorOnce(int i, int[] slots) {
    return vector(i, slots);
  }

  /** Candidate {@code i}'s vector with every feature set. */
  float[] vector(int i);

  /** Vectors computed whole beforehand. */
  static FeatureVectors of(float[][] whole) {
    return new FeatureVectors() {
      @Override
      public int size() {
        return whole.length;
      }

      @Override
      public float[] vector(int i, int[] slots) {
        return whole[i];
      }

      @Override
      public float[] vector(int i) {
        return whole[i];
      }
    };
  }
}
