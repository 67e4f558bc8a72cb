package io.fanshelf.training.suggest;

import io.fanshelf.indexer.model.FanId;
import java.util.List;
import java.util.Objects;

/**
 * One label FanShelf thinks a fan has, for the owner to accept or reject.
 *
 * @param fan the fan
 * @param dimension the taxonomy dimension
 * @param value the suggested value id
 * @param confidence the model's probability that the fan has the value, in (0, 1]
 * @param method how it was found: a classifier learned from labelled fans, or the taxonomy's match
 *     rules where nobody has labelled the dimension yet
 * @param evidence the behaviour behind it, strongest first
 */
public record Suggestion(
    FanId fan,
    String dimension,
    String value,
    double confidence,
    Method method,
    List<Evidence> evidence) {
  public Suggestion {
    Objects.requireNonNull(fan, "fan");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(method, "method");
    if (!(confidence > 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1], got " + confidence);
    }
    evidence = List.copyOf(evidence);
  }

  /** How a suggestion was found. */
  public enum Method {
    CLASSIFIER,
    RULE_PRIOR
  }
}
