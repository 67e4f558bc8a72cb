package io.fanshelf.training.outreach;

/**
 * A beta prior on a share, as its mean and strength (alpha + beta), fitted by beta-binomial
 * moments: the spread of the observed shares beyond binomial noise sets the strength.
 *
 * @param mean the prior mean, in [0, 1]
 * @param strength alpha + beta, in pseudo-observations; 0 leaves each share as observed
 */
record BetaPrior(double mean, double strength) {
  /** Strength when the shares vary no more than binomial noise: the prior decides alone. */
  static final double NO_SPREAD = 1e6;

  BetaPrior {
    if (!(mean >= 0 && mean <= 1) || !(strength >= 0)) {
      throw new IllegalArgumentException(
          "expected a mean in [0, 1] and a strength >= 0, got " + mean + " and " + strength);
    }
  }

  /**
   * The prior of the shares {@code successes[i] / trials[i]} (rows without trials left out): mean
   * of the shares m, their variance v, mean trials n; the intra-class correlation {@code rho = (v n
   * / (m (1 - m)) - 1) / (n - 1)} gives the strength {@code 1 / rho - 1}.
   */
  static BetaPrior fit(double[] successes, double[] trials) {
    double sum = 0;
    double squares = 0;
    double sumTrials = 0;
    int rows = 0;
    for (int i = 0; i < successes.length; i++) {
      if (trials[i] > 0) {
        double share = successes[i] / trials[i];
        sum += share;
        squares += share * share;
        sumTrials += trials[i];
        rows++;
      }
    }
    if (rows == 0) {
      return new BetaPrior(0, 0);
    }
    double mean = sum / rows;
    double variance = Math.max(0, squares / rows - mean * mean);
    double n = sumTrials / rows;
    if (mean <= 0 || mean >= 1 || n <= 1) {
      return new BetaPrior(mean, 0);
    }
    double rho = (variance * n / (mean * (1 - mean)) - 1) / (n - 1);
    if (rho <= 0) {
      return new BetaPrior(mean, NO_SPREAD);
    }
    return new BetaPrior(mean, rho >= 1 ? 0 : 1 / rho - 1);
  }

  /** {@code (successes + strength mean) / (trials + strength)}; the mean where both are 0. */
  double[] posteriorMeans(double[] successes, double[] trials) {
    double[] means = new double[successes.length];
    for (int i = 0; i < means.length; i++) {
      double weight = trials[i] + strength;
      means[i] = weight > 0 ? (successes[i] + strength * mean) / weight : mean;
    }
    return means;
  }
}
