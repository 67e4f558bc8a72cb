package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One row of a raw interactions file: a user did something with an item. Ids are raw (not yet
 * FanShelf ids); {@code file} and {@code line} say where the row came from, for the event id and
 * for error messages. Immutable.
 *
 * @param value the rating, or the quantity; required for {@link EventType#RATING}
 */
record Interaction(
    String user,
    String item,
    Instant time,
    EventType type,
    OptionalDouble value,
    String file,
    long line) {
  Interaction {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(file, "file");
  }
}
