package io.fanshelf.indexer.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A fan (粉丝), the consumer; the same fan id is platform-wide. Serialized as its bare string. */
public record FanId(@JsonValue String value) implements Comparable<FanId> {
  @JsonCreator
  public FanId {
    Ids.check("fan id", value);
  }

  public static FanId of(String value) {
    return new FanId(value);
  }

  @Override
  public int compareTo(FanId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
