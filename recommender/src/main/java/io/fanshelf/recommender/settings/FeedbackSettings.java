package io.fanshelf.recommender.settings;

import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FeedbackPolicy;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code fanshelf.feedback.*}: which event types count as positive feedback and how much, as {@link
 * FeedbackPolicy}. Each map is laid over {@link FeedbackPolicy#defaults()}'s, so a file changes a
 * type's value by naming it (a weight of 0 makes a type not positive); the values are checked when
 * mapped, a bad one naming its key.
 *
 * @param weights weight per event type by wire name ({@code purchase}, {@code cart} ...), 0 to 10
 * @param minimumValues per event type, the value an event needs to count (a rating of 4, say)
 */
public record FeedbackSettings(Map<String, Double> weights, Map<String, Double> minimumValues) {

  static final String PREFIX = "fanshelf.feedback";
  private static final FeedbackPolicy DEFAULTS = FeedbackPolicy.defaults();

  public FeedbackSettings {
    weights = over(DEFAULTS.weights(), weights);
    minimumValues = over(DEFAULTS.minimumValues(), minimumValues);
  }

  /** Every value the default. */
  public static FeedbackSettings defaults() {
    return new FeedbackSettings(null, null);
  }

  /**
   * @throws InvalidSettingException naming the key of a refused value
   */
  public FeedbackPolicy policy() {
    Map<EventType, Double> byType = byType(PREFIX + ".weights.", weights);
    Map<EventType, Double> minimumsByType = byType(PREFIX + ".minimum-values.", minimumValues);
    return SettingKeys.build(
        PREFIX, FeedbackSettings.class, () -> new FeedbackPolicy(byType, minimumsByType));
  }

  private static Map<EventType, Double> byType(String keyPrefix, Map<String, Double> values) {
    Map<EventType, Double> byType = new EnumMap<>(EventType.class);
    values.forEach(
        (type, value) ->
            byType.put(SettingKeys.at(keyPrefix + type, () -> EventType.parse(type)), value));
    return byType;
  }

  private static Map<String, Double> over(
      Map<EventType, Double> defaults, Map<String, Double> given) {
    Map<String, Double> merged = new LinkedHashMap<>();
    defaults.forEach((type, value) -> merged.put(type.wireName(), value));
    if (given != null) {
      merged.putAll(given);
    }
    return Collections.unmodifiableMap(merged);
  }
}
