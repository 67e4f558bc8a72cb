package io.fanshelf.training.eval;

/**
 * Ranking metrics of one fan's list, with binary relevance. {@code hits[i]} says whether the item
 * at rank {@code i + 1} is relevant; {@code relevant} is how many relevant items the fan has in all
 * (including any the catalog cannot rank). Stateless.
 */
public final class Metrics {
  private Metrics() {}

  /** DCG@k / ideal DCG@k, gains 1/log2(rank + 1); the ideal puts min(relevant, k) hits first. */
  public static double ndcg(boolean[] hits, int k, int relevant) {
    if (relevant == 0) {
      return 0;
    }
    double dcg = 0;
    for (int i = 0; i < Math.min(k, hits.length); i++) {
      if (hits[i]) {
        dcg += 1 / log2(i + 2);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevant); i++) {
      ideal += 1 / log2(i + 2);
    }
    return dcg / ideal;
  }

  /** Relevant items in the top k over all relevant items. */
  public static double recall(boolean[] hits, int k, int relevant) {
    return relevant == 0 ? 0 : (double) count(hits, k) / relevant;
  }

  /** Relevant items in the top k over k. */
  public static double precision(boolean[] hits, int k) {
    return (double) count(hits, k) / k;
  }

  /** 1 when any of the top k is relevant. */
  public static double hitRate(boolean[] hits, int k) {
    return count(hits, k) > 0 ? 1 : 0;
  }

  /** 1 / the rank of the first relevant item in the full ranking; 0 when none is ranked. */
  public static double reciprocalRank(long firstRelevantRank) {
    return firstRelevantRank <= 0 ? 0 : 1.0 / firstRelevantRank;
  }

  private static int count(boolean[] hits, int k) {
    int n = 0;
    for (int i = 0; i < Math.min(k, hits.length); i++) {
      if (hits[i]) {
        n++;
      }
    }
    return n;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
