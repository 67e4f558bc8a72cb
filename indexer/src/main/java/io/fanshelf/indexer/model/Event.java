package io.fanshelf.indexer.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A fact: a fan did something with a product at a time. Events are never edited; a second event
 * with the same id is the same event and is counted once.
 *
 * @param id idempotency key
 * @param fan who
 * @param product what
 * @param type what they did
 * @param time when
 * @param owner the owner it is attributed to, when it happened on an owner's page or link
 * @param page the shelf page it happened on, when known
 * @param source the app or channel that reported it
 * @param value a number that goes with the type: quantity of a purchase, score of a rating
 */
public record Event(
    EventId id,
    FanId fan,
    ProductId product,
    EventType type,
    Instant time,
    Optional<OwnerId> owner,
    Optional<String> page,
    Optional<String> source,
    OptionalDouble value) {

  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(fan, "fan");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(owner, "owner");
    page = Objects.requireNonNull(page, "page").map(p -> Text.require("page", p, 200));
    source = Objects.requireNonNull(source, "source").map(s -> Text.require("source", s, 100));
    Objects.requireNonNull(value, "value");
    if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
      throw new IllegalArgumentException("value must be a finite number, got " + value);
    }
    if (type == EventType.RATING && value.isEmpty()) {
      throw new IllegalArgumentException("a rating event needs a value (the score)");
    }
  }

  /** A plain event with no attribution and no value, as platform apps mostly send. */
  public static Event of(String id, String fan, String product, EventType type, Instant time) {
    return new Event(
        EventId.of(id),
        FanId.of(fan),
        ProductId.of(product),
        type,
        time,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty());
  }
}
