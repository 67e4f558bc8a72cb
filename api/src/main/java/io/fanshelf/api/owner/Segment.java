package io.fanshelf.api.owner;

import io.fanshelf.indexer.model.OwnerId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An owner's saved label query, e.g. skin_type=oily AND age=25-34: every listed dimension must hold
 * one of its values, and no {@code unlabelled} dimension may be set.
 *
 * @param id the segment id (unique per owner)
 * @param owner whose
 * @param name the owner's name for it
 * @param labels dimension id to accepted value ids
 * @param unlabelled dimension ids the fan must not have a label for
 * @param createdAt when it was saved
 */
public record Segment(
    String id,
    OwnerId owner,
    String name,
    Map<String, Set<String>> labels,
    Set<String> unlabelled,
    Instant createdAt) {
  public Segment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    unlabelled = Set.copyOf(unlabelled);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
