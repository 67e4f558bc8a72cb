package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.Label;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fan as one owner sees them: the membership and that owner's labels on the fan, one per
 * dimension. Another owner's labels on the same fan are never part of it.
 *
 * @param fan the membership
 * @param labels by dimension id
 */
public record FanProfile(Fan fan, Map<String, Label> labels) {
  public FanProfile {
    Objects.requireNonNull(fan, "fan");
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    labels.forEach(
        (dimension, label) -> {
          if (!label.dimension().equals(dimension)
              || !label.owner().equals(fan.owner())
              || !label.fan().equals(fan.id())) {
            throw new IllegalArgumentException(
                "label " + label + " does not belong to " + fan.owner() + "/" + fan.id());
          }
        });
  }

  public Optional<Label> label(String dimension) {
    return Optional.ofNullable(labels.get(dimension));
  }
}
