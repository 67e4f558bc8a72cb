package io.fanshelf.indexer.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of an event; events are idempotent by it. Serialized as its bare string. */
public record EventId(@JsonValue String value) implements Comparable<EventId> {
  @JsonCreator
  public EventId {
    Ids.check("event id", value);
  }

  public static EventId of(String value) {
    return new EventId(value);
  }

  @Override
  public int compareTo(EventId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
