package io.fanshelf.api.suggest;

import io.fanshelf.indexer.model.FanId;
import java.util.Objects;

/** Which suggestion: a value of a dimension for a fan (per owner, by the caller). */
public record SuggestionKey(FanId fan, String dimension, String value) {
  public SuggestionKey {
    Objects.requireNonNull(fan, "fan");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(value, "value");
  }

  /** Tab-separated: no id may contain a tab. */
  String encoded() {
    return fan.value() + "\t" + dimension + "\t" + value;
  }
}
