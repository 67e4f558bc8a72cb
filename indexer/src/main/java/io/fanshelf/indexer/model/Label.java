package io.fanshelf.indexer.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One owner's label on one fan for one taxonomy dimension. Whether the values exist in the
 * taxonomy, and how many a dimension allows, is checked against the taxonomy by the ingestion
 * layer; this record checks only its own shape.
 *
 * @param owner the owner who labelled (labels are private to that owner)
 * @param fan the labelled fan
 * @param dimension taxonomy dimension id, e.g. skin_type
 * @param values value ids within the dimension, e.g. [oily]; never empty, no duplicates
 * @param source where the label came from
 * @param confidence how sure the labeller is, in (0, 1]
 * @param time when the label was set
 * @param actor who set it (an owner id, an import file name, a model name)
 */
public record Label(
    OwnerId owner,
    FanId fan,
    String dimension,
    List<String> values,
    LabelSource source,
    double confidence,
    Instant time,
    String actor) {

  public Label {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(fan, "fan");
    dimension = Text.require("dimension", dimension, 64);
    values = List.copyOf(Objects.requireNonNull(values, "values"));
    if (values.isEmpty()) {
      throw new IllegalArgumentException("label for " + dimension + " needs at least one value");
    }
    if (values.stream().distinct().count() != values.size()) {
      throw new IllegalArgumentException("label for " + dimension + " repeats a value: " + values);
    }
    Objects.requireNonNull(source, "source");
    if (!(confidence > 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1], got " + confidence);
    }
    Objects.requireNonNull(time, "time");
    actor = Text.require("actor", actor, 200);
  }
}
