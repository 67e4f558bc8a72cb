package io.fanshelf.indexer.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A shop owner (店主) on the platform. Serialized as its bare string. */
public record OwnerId(@JsonValue String value) implements Comparable<OwnerId> {
  @JsonCreator
  public OwnerId {
    Ids.check("owner id", value);
  }

  public static OwnerId of(String value) {
    return new OwnerId(value);
  }

  @Override
  public int compareTo(OwnerId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
