package io.fanshelf.training.dataset;

/**
 * How negatives are chosen for a fan with no impressions in the label window: from the fan's other
 * candidates, {@code negativesPerPositive} per positive, drawn without replacement with weight
 * {@code (popularity + 1) ^ popularityExponent} (popularity-aware: popular products the fan did not
 * pick are the informative negatives). Impressions, where a fan has them, are the negatives
 * instead.
 *
 * @param negativesPerPositive negatives per positive, 0 for every other candidate; 0 to 1,000
 * @param popularityExponent 0 draws uniformly, 1 in proportion to popularity; 0 to 2
 * @param seed the sampling seed
 */
public record SamplingOptions(double negativesPerPositive, double popularityExponent, long seed) {
  public SamplingOptions {
    if (!(negativesPerPositive >= 0 && negativesPerPositive <= 1_000)) {
      throw new IllegalArgumentException(
          "negativesPerPositive must be between 0 (all candidates) and 1000, got "
              + negativesPerPositive);
    }
    if (!(popularityExponent >= 0 && popularityExponent <= 2)) {
      throw new IllegalArgumentException(
          "popularityExponent must be between 0 and 2, got " + popularityExponent);
    }
  }

  /** 20 negatives per positive, drawn with weight sqrt(popularity + 1). */
  public static SamplingOptions defaults(long seed) {
    return new SamplingOptions(20, 0.5, seed);
  }
}
