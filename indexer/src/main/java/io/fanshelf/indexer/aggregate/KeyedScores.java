package io.fanshelf.indexer.aggregate;

/**
 * Products by their aggregate key ({@link EventAggregates#productKey}) with a score each, best
 * first: what {@link ScoredItem} lists say, for callers that map keys to their own arrays instead
 * of resolving product ids. Treat the arrays as read-only.
 */
public record KeyedScores(int[] keys, double[] scores) {
  static final KeyedScores NONE = new KeyedScores(new int[0], new double[0]);

  public KeyedScores {
    if (keys.length != scores.length) {
      throw new IllegalArgumentException(keys.length + " keys but " + scores.length + " scores");
    }
  }

  public int size() {
    return keys.length;
  }

  public int key(int i) {
    return keys[i];
  }

  public double score(int i) {
    return scores[i];
  }
}
