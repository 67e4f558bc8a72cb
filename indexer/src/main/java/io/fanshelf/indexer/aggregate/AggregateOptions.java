package io.fanshelf.indexer.aggregate;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link EventAggregates} weighs and bounds what it keeps. Immutable; every value is checked
 * here, and a bad one is rejected with a message that starts with its component's name (so that a
 * configuration layer can name the key it came from).
 *
 * @param popularityHalfLife after this long an event counts half as much toward popularity and
 *     popularity among an owner's fans
 * @param trendHalfLife the short half-life of the trend score; shorter than {@code
 *     popularityHalfLife}
 * @param affinityHalfLife half-life of a fan's category, brand and price affinities
 * @param coWindow how many of a fan's previous positive events (in time order) an event pairs with
 *     for co-occurrence, 1 to 100
 * @param coMaxGap two events further apart in time than this never pair
 * @param neighbours co-occurring items kept per item, 1 to 1,000; an item's list is pruned back to
 *     this many when it reaches twice as many
 * @param leaderboardSize how many items the popular lists hold, the largest k a popular query
 *     returns, 1 to 10,000
 * @param liftPrior strength of the smoothing prior of label lift, in event weight, >= 0 (see {@link
 *     LabelLift})
 */
public record AggregateOptions(
    Duration popularityHalfLife,
    Duration trendHalfLife,
    Duration affinityHalfLife,
    int coWindow,
    Duration coMaxGap,
    int neighbours,
    int leaderboardSize,
    double liftPrior) {

  public static final int MAX_CO_WINDOW = 100;
  public static final int MAX_NEIGHBOURS = 1_000;
  public static final int MAX_LEADERBOARD_SIZE = 10_000;
  private static final Duration LONGEST = Duration.ofDays(36_500);

  public AggregateOptions {
    requireDuration("popularityHalfLife", popularityHalfLife);
    requireDuration("trendHalfLife", trendHalfLife);
    requireDuration("affinityHalfLife", affinityHalfLife);
    requireDuration("coMaxGap", coMaxGap);
    if (trendHalfLife.compareTo(popularityHalfLife) >= 0) {
      throw new IllegalArgumentException(
          "trendHalfLife must be shorter than the popularity half-life ("
              + popularityHalfLife
              + "), got "
              + trendHalfLife);
    }
    requireRange("coWindow", coWindow, MAX_CO_WINDOW);
    requireRange("neighbours", neighbours, MAX_NEIGHBOURS);
    requireRange("leaderboardSize", leaderboardSize, MAX_LEADERBOARD_SIZE);
    if (!(liftPrior >= 0 && Double.isFinite(liftPrior))) {
      throw new IllegalArgumentException(
          "liftPrior must be a finite number >= 0, got " + liftPrior);
    }
  }

  /**
   * Popularity half-life 14 days, trend 2 days, affinity 30 days; pairs within 10 positive events
   * and 7 days; 50 neighbours per item; popular lists of 500; lift prior 10.
   */
  public static AggregateOptions defaults() {
    return new AggregateOptions(
        Duration.ofDays(14),
        Duration.ofDays(2),
        Duration.ofDays(30),
        10,
        Duration.ofDays(7),
        50,
        500,
        10);
  }

  public AggregateOptions withHalfLives(Duration popularity, Duration trend, Duration affinity) {
    return new AggregateOptions(
        popularity, trend, affinity, coWindow, coMaxGap, neighbours, leaderboardSize, liftPrior);
  }

  public AggregateOptions withCoOccurrence(int window, Duration maxGap, int neighboursPerItem) {
    return new AggregateOptions(
        popularityHalfLife,
        trendHalfLife,
        affinityHalfLife,
        window,
        maxGap,
        neighboursPerItem,
        leaderboardSize,
        liftPrior);
  }

  public AggregateOptions withLeaderboardSize(int size) {
    return new AggregateOptions(
        popularityHalfLife,
        trendHalfLife,
        affinityHalfLife,
        coWindow,
        coMaxGap,
        neighbours,
        size,
        liftPrior);
  }

  public AggregateOptions withLiftPrior(double prior) {
    return new AggregateOptions(
        popularityHalfLife,
        trendHalfLife,
        affinityHalfLife,
        coWindow,
        coMaxGap,
        neighbours,
        leaderboardSize,
        prior);
  }

  /** How many of a fan's latest positive events are remembered for pairing late events. */
  int fanHistorySize() {
    return 4 * coWindow;
  }

  private static void requireDuration(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          name + " must be between 1 ms and " + LONGEST.toDays() + " days, got " + value);
    }
  }

  private static void requireRange(String name, int value, int max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(name + " must be between 1 and " + max + ", got " + value);
    }
  }
}
