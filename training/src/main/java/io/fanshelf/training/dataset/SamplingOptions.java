package io.fanshelf.training.dataset;

/**
 * How negatives are chosen for a fan with no impressions in the label window: from the fan's other
 * candidates, {@code negativesPerPositive} per positive, drawn without replacement with weight
 * {@code (popularity + 1) ^ popularityExponent} (popularity-aware: popular products the fan did not
 * pick are the informative negatives). Impressions, where a fan has them, are the negatives
 * instead. Examples come from at most {@code maxFans} fans of a window, evenly spaced by fan id
 * ({@link Partition#sampled}): the ranker's examples and trees cost in proportion to the fans, and
 * a few thousand query groups already fit a ranker of a few dozen features, so a shop of 100,000
 * fans trains in about the time of one of 10,000.
 *
 * @param negativesPerPositive negatives per positive, 0 for every other candidate; 0 to 1,000
 * @param popularityExponent 0 draws uniformly, 1 in proportion to popularity; 0 to 2
 * @param maxFans the most fans a window's examples come from, at least 1
 * @param seed the sampling seed
 */
public record SamplingOptions(
    double negativesPerPositive, double popularityExponent, int maxFans, long seed) {
  /** The default {@link #maxFans}. */
  public static final int MAX_FANS = 10_000;

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
    if (maxFans < 1) {
      throw new IllegalArgumentException("maxFans must be at least 1, got " + maxFans);
    }
  }

  /**
   * 20 negatives per positive, drawn with weight sqrt(popularity + 1), from at most {@value
   * #MAX_FANS} fans.
   */
  public static SamplingOptions defaults(long seed) {
    return new SamplingOptions(20, 0.5, MAX_FANS, seed);
  }
}
