package io.fanshelf.recommender.settings;

import static java.util.Objects.requireNonNullElse;

import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.recommender.RecommenderOptions;
import java.nio.file.Path;

/**
 * The ranking part of the configuration file, {@code fanshelf.recommend}, {@code fanshelf.feedback}
 * and {@code fanshelf.aggregates}, each missing part at its defaults. Immutable; every value is
 * checked on construction.
 *
 * @throws InvalidSettingException naming the key of a refused value
 * @param recommend sources, budgets and rules
 * @param feedback which event types are positive, and how much
 * @param aggregates decay and sizes of the event aggregates
 */
public record RankingSettings(
    RecommendSettings recommend, FeedbackSettings feedback, AggregateSettings aggregates) {

  public RankingSettings {
    recommend = requireNonNullElse(recommend, RecommendSettings.defaults());
    feedback = requireNonNullElse(feedback, FeedbackSettings.defaults());
    aggregates = requireNonNullElse(aggregates, AggregateSettings.defaults());
    // every value checked once, where the file is read (a bad one stops a server's start)
    recommend.options();
    feedback.policy();
    aggregates.options();
  }

  /** Every value the default. */
  public static RankingSettings defaults() {
    return new RankingSettings(null, null, null);
  }

  /**
   * How to open {@code dataDir} with these feedback and aggregate settings (aggregates on first
   * use, the system clock, as {@link IndexerOptions#of}).
   */
  public IndexerOptions indexerOptions(Path dataDir) {
    IndexerOptions base = IndexerOptions.of(dataDir);
    return new IndexerOptions(
        dataDir,
        feedback.policy(),
        aggregates.options(),
        base.liveAggregates(),
        base.clock(),
        base.snapshotInterval());
  }

  public RecommenderOptions recommenderOptions() {
    return recommend.options();
  }

  /** The settings a model trained under these would record. */
  public FeatureSettings featureSettings() {
    return FeatureSettings.of(feedback.policy(), aggregates.options(), recommend.options());
  }
}
