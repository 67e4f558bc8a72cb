package io.fanshelf.recommender.settings;

import static java.util.Objects.requireNonNullElse;

import io.fanshelf.indexer.aggregate.AggregateOptions;
import java.time.Duration;

/**
 * {@code fanshelf.aggregates.*}: how the event aggregates decay and what they keep, as {@link
 * AggregateOptions}. A missing value (null) is {@link AggregateOptions#defaults()}'s; the values
 * are checked when mapped, a bad one naming its key.
 *
 * @param popularityHalfLife after this long an event counts half toward popularity
 * @param trendHalfLife the short half-life of the trend score, shorter than the popularity one
 * @param affinityHalfLife half-life of a fan's category, brand and price affinities
 * @param coWindow how many of a fan's previous positive events an event pairs with, 1 to 100
 * @param coMaxGap two events further apart than this never pair
 * @param neighbours co-occurring items kept per item, 1 to 1,000
 * @param leaderboardSize how many items the popular lists hold, 1 to 10,000
 * @param liftPrior strength of the smoothing prior of label lift, >= 0
 */
public record AggregateSettings(
    Duration popularityHalfLife,
    Duration trendHalfLife,
    Duration affinityHalfLife,
    Integer coWindow,
    Duration coMaxGap,
    Integer neighbours,
    Integer leaderboardSize,
    Double liftPrior) {

  static final String PREFIX = "fanshelf.aggregates";
  private static final AggregateOptions DEFAULTS = AggregateOptions.defaults();

  public AggregateSettings {
    popularityHalfLife = requireNonNullElse(popularityHalfLife, DEFAULTS.popularityHalfLife());
    trendHalfLife = requireNonNullElse(trendHalfLife, DEFAULTS.trendHalfLife());
    affinityHalfLife = requireNonNullElse(affinityHalfLife, DEFAULTS.affinityHalfLife());
    coWindow = requireNonNullElse(coWindow, DEFAULTS.coWindow());
    coMaxGap = requireNonNullElse(coMaxGap, DEFAULTS.coMaxGap());
    neighbours = requireNonNullElse(neighbours, DEFAULTS.neighbours());
    leaderboardSize = requireNonNullElse(leaderboardSize, DEFAULTS.leaderboardSize());
    liftPrior = requireNonNullElse(liftPrior, DEFAULTS.liftPrior());
  }

  /** Every value the default. */
  public static AggregateSettings defaults() {
    return new AggregateSettings(null, null, null, null, null, null, null, null);
  }

  /**
   * @throws InvalidSettingException naming the key of a refused value
   */
  public AggregateOptions options() {
    return SettingKeys.build(
        PREFIX,
        AggregateSettings.class,
        () ->
            new AggregateOptions(
                popularityHalfLife,
                trendHalfLife,
                affinityHalfLife,
                coWindow,
                coMaxGap,
                neighbours,
                leaderboardSize,
                liftPrior));
  }
}
