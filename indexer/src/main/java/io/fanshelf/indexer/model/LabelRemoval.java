package io.fanshelf.indexer.model;

import java.util.Objects;

/**
 * Taking one owner's label on one fan off, for one taxonomy dimension.
 *
 * @param owner the owner whose label goes
 * @param fan the fan
 * @param dimension taxonomy dimension id, e.g. skin_type
 */
public record LabelRemoval(OwnerId owner, FanId fan, String dimension) {
  public LabelRemoval {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(fan, "fan");
    dimension = Text.require("dimension", dimension, 64);
  }
}
