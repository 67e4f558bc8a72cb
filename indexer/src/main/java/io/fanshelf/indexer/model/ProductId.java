package io.fanshelf.indexer.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A product in the platform catalog. Serialized as its bare string. */
public record ProductId(@JsonValue String value) implements Comparable<ProductId> {
  @JsonCreator
  public ProductId {
    Ids.check("product id", value);
  }

  public static ProductId of(String value) {
    return new ProductId(value);
  }

  @Override
  public int compareTo(ProductId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
