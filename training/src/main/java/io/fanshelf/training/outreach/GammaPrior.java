package io.fanshelf.training.outreach;

/**
 * A gamma prior on a daily rate, {@code Gamma(shape, rate)}, fitted by moments: the spread of the
 * observed rates beyond Poisson noise is the prior's variance.
 *
 * @param shape a, in pseudo-events
 * @param rate b, in pseudo-days
 */
record GammaPrior(double shape, double rate) {
  /** The coefficient of variation assumed when the rates vary no more than Poisson noise. */
  static final double MIN_SPREAD = 1e-3;

  GammaPrior {
    if (!(shape > 0) || !(rate > 0)) {
      throw new IllegalArgumentException(
          "expected a positive shape and rate, got " + shape + " and " + rate);
    }
  }

  /**
   * The prior of the rates {@code counts[i] / exposures[i]} (rows without exposure left out):
   * pooled mean mu, variance of the rates v less the Poisson part {@code mu / mean exposure}; shape
   * {@code mu^2 / s2}, rate {@code mu / s2}. No counts at all give a prior of rate near 0.
   */
  static GammaPrior fit(double[] counts, double[] exposures) {
    double events = 0;
    double days = 0;
    double sum = 0;
    double squares = 0;
    int rows = 0;
    for (int i = 0; i < counts.length; i++) {
      if (exposures[i] > 0) {
        double r = counts[i] / exposures[i];
        events += counts[i];
        days += exposures[i];
        sum += r;
        squares += r * r;
        rows++;
      }
    }
    if (events == 0) {
      return new GammaPrior(MIN_SPREAD, 1);
    }
    double mu = events / days;
    double variance = squares / rows - (sum / rows) * (sum / rows);
    double spread = Math.max(variance - mu / (days / rows), MIN_SPREAD * MIN_SPREAD * mu * mu);
    return new GammaPrior(mu * mu / spread, mu / spread);
  }

  /**
   * The posterior predictive chance of at least one event in {@code window} days: {@code 1 - ((rate
   * + T) / (rate + T + window))^(shape + k)}.
   */
  double[] chances(double[] counts, double[] exposures, int window) {
    double[] chances = new double[counts.length];
    for (int i = 0; i < chances.length; i++) {
      double b = rate + exposures[i];
      chances[i] = 1 - Math.pow(b / (b + window), shape + counts[i]);
    }
    return chances;
  }
}
