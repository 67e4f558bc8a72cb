package io.fanshelf.recommender.settings;

import io.fanshelf.indexer.aggregate.AggregateOptions;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings that change what a model's features mean, by configuration key: what a model
 * artifact records of the settings it was trained under, and what serving compares with its own
 * before it uses the model. The feedback weights and the aggregates shape popularity, co-visit and
 * affinity features; the main list's sources and the history length decide which candidates and
 * which fan history the features are computed from. Rules, budgets and the other sections only
 * filter or cut what was scored, so they are not recorded.
 *
 * @param values each key's value in a canonical spelling (ISO-8601 durations, comma-separated
 *     lists, {@code none} for an event type without a minimum value)
 */
public record FeatureSettings(Map<String, String> values) {

  public FeatureSettings {
    values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public static FeatureSettings of(
      FeedbackPolicy feedback, AggregateOptions aggregates, RecommenderOptions recommender) {
    Map<String, String> values = new TreeMap<>();
    for (EventType type : EventType.values()) {
      values.put(
          FeedbackSettings.PREFIX + ".weights." + type.wireName(),
          String.valueOf(feedback.weights().getOrDefault(type, 0.0)));
      Double minimum = feedback.minimumValues().get(type);
      values.put(
          FeedbackSettings.PREFIX + ".minimum-values." + type.wireName(),
          minimum == null ? "none" : String.valueOf(minimum));
    }
    String a = AggregateSettings.PREFIX + ".";
    values.put(a + "popularity-half-life", aggregates.popularityHalfLife().toString());
    values.put(a + "trend-half-life", aggregates.trendHalfLife().toString());
    values.put(a + "affinity-half-life", aggregates.affinityHalfLife().toString());
    values.put(a + "co-window", String.valueOf(aggregates.coWindow()));
    values.put(a + "co-max-gap", aggregates.coMaxGap().toString());
    values.put(a + "neighbours", String.valueOf(aggregates.neighbours()));
    values.put(a + "leaderboard-size", String.valueOf(aggregates.leaderboardSize()));
    values.put(a + "lift-prior", String.valueOf(aggregates.liftPrior()));
    values.put(
        RecommendSettings.PREFIX + ".sources." + Section.FOR_YOU.wireName(),
        String.join(",", recommender.sources().get(Section.FOR_YOU)));
    values.put(
        RecommendSettings.PREFIX + ".history-limit", String.valueOf(recommender.historyLimit()));
    return new FeatureSettings(values);
  }

  /**
   * Where {@code recorded} (a model's) differs from these (serving's), one entry per key: {@code
   * key (trained with X, configured Y)}. Keys only one side has are not compared: a model trained
   * before a key was recorded says nothing about it.
   */
  public List<String> differences(Map<String, String> recorded) {
    List<String> differences = new ArrayList<>();
    values.forEach(
        (key, value) -> {
          String trained = recorded.get(key);
          if (trained != null && !trained.equals(value)) {
            differences.add(key + " (trained with " + trained + ", configured " + value + ")");
          }
        });
    return differences;
  }
}
