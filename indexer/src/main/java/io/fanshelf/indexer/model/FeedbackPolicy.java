package io.fanshelf.indexer.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Which events count as positive feedback and with what weight: configuration, not code.
 *
 * <p>A type missing from {@code weights} counts 0 (not positive). A type with a minimum value (a
 * rating >= 4, say) counts only when the event's value reaches it. A rejected value's message
 * starts with the component it is in ({@code weights.cart ...}).
 *
 * @param weights weight per event type, each in [0, 10]
 * @param minimumValues per type, the value an event needs to count
 */
public record FeedbackPolicy(Map<EventType, Double> weights, Map<EventType, Double> minimumValues) {

  public FeedbackPolicy {
    // enum maps: every history event of every request looks its type up here, and an enum map's
    // lookup is an array read where an immutable map's probes a hash table
    weights = byType(Objects.requireNonNull(weights, "weights"));
    minimumValues = byType(Objects.requireNonNull(minimumValues, "minimumValues"));
    weights.forEach(
        (type, weight) -> {
          if (!(weight >= 0 && weight <= 10)) {
            throw new IllegalArgumentException(
                "weights." + type.wireName() + " must be in [0, 10], got " + weight);
          }
        });
    if (weights.values().stream().noneMatch(w -> w > 0)) {
      throw new IllegalArgumentException(
          "weights must give at least one event type a positive weight, got " + weights);
    }
  }

  private static Map<EventType, Double> byType(Map<EventType, Double> values) {
    Map<EventType, Double> copy = new EnumMap<>(EventType.class);
    values.forEach(
        (type, value) ->
            copy.put(
                Objects.requireNonNull(type, "event type"),
                Objects.requireNonNull(value, "value")));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Defaults: a purchase counts most, a cart or favourite well, a click or view a little; a rating
   * counts when it is at least 4; impressions are not positive.
   */
  public static FeedbackPolicy defaults() {
    Map<EventType, Double> weights = new EnumMap<>(EventType.class);
    weights.put(EventType.PURCHASE, 1.0);
    weights.put(EventType.CART, 0.6);
    weights.put(EventType.FAVORITE, 0.5);
    weights.put(EventType.SHARE, 0.5);
    weights.put(EventType.CLICK, 0.3);
    weights.put(EventType.VIEW, 0.2);
    weights.put(EventType.RATING, 1.0);
    return new FeedbackPolicy(weights, Map.of(EventType.RATING, 4.0));
  }

  /** The weight this event contributes as positive feedback; 0 when it is not positive. */
  public double weight(EventType type, OptionalDouble value) {
    double weight = weights.getOrDefault(type, 0.0);
    Double minimum = minimumValues.get(type);
    if (minimum != null && (value.isEmpty() || value.getAsDouble() < minimum)) {
      return 0;
    }
    return weight;
  }

  public double weight(Event event) {
    return weight(event.type(), event.value());
  }

  public boolean isPositive(Event event) {
    return weight(event) > 0;
  }
}
