package io.fanshelf.training;

import java.util.Map;

/**
 * Which ranking to serve, from each fan's validation NDCG@10 under each: the simplest ranking whose
 * mean is within one standard error of the best one's (Breiman's one-standard-error rule), the
 * error being that of the per-fan difference to the best. On a small validation window a more
 * complex ranking must beat a simpler one by more than the noise before it is served; on a large
 * one, small real gains count. Stateless.
 */
final class Selection {
  private Selection() {}

  /**
   * @param perFan each ranking's per-fan NDCG@10 (the same fans in the same order), simplest first
   */
  static String simplestWithinOneError(Map<String, double[]> perFan) {
    String best = best(perFan);
    for (String ranking : perFan.keySet()) {
      double gap = mean(perFan.get(best)) - mean(perFan.get(ranking));
      if (gap <= errorToBest(perFan, ranking)) {
        return ranking;
      }
    }
    return best;
  }

  /** The ranking with the highest mean; the first (simplest) among equals. */
  static String best(Map<String, double[]> perFan) {
    String best = null;
    double bestMean = Double.NEGATIVE_INFINITY;
    for (var entry : perFan.entrySet()) {
      double m = mean(entry.getValue());
      if (m > bestMean) {
        bestMean = m;
        best = entry.getKey();
      }
    }
    return best;
  }

  /** The standard error of the per-fan difference between the best ranking and this one. */
  static double errorToBest(Map<String, double[]> perFan, String ranking) {
    double[] best = perFan.get(best(perFan));
    double[] other = perFan.get(ranking);
    int n = best.length;
    if (n < 2) {
      return Double.POSITIVE_INFINITY;
    }
    double meanDiff = 0;
    for (int i = 0; i < n; i++) {
      meanDiff += best[i] - other[i];
    }
    meanDiff /= n;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      double d = best[i] - other[i] - meanDiff;
      squares += d * d;
    }
    return Math.sqrt(squares / (n - 1) / n);
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }
}
