package io.fanshelf.indexer.taxonomy;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A version of the platform taxonomy. Immutable and thread-safe.
 *
 * @param version increases with every published change
 * @param dimensions all dimensions, across domains
 */
public record Taxonomy(int version, List<Dimension> dimensions) {
  public Taxonomy {
    if (version < 1) {
      throw new IllegalArgumentException("taxonomy version must be >= 1, got " + version);
    }
    dimensions = List.copyOf(dimensions);
    Set<String> seen = new HashSet<>();
    for (Dimension dimension : dimensions) {
      if (!seen.add(dimension.id())) {
        throw new IllegalArgumentException(
            "taxonomy lists dimension '" + dimension.id() + "' twice");
      }
    }
  }

  /** An empty taxonomy, before the platform has imported one. */
  public static Taxonomy empty() {
    return new Taxonomy(1, List.of());
  }

  public Optional<Dimension> dimension(String id) {
    return dimensions.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public String describeDimensions() {
    return dimensions.stream().map(Dimension::id).collect(Collectors.joining(", "));
  }

  /**
   * Checks that {@code next} may replace this version: a higher version number that still lists
   * every dimension and value of this one (retired, if no longer offered), so that old labels stay
   * readable.
   *
   * @return the problems found; empty when the change is allowed
   */
  public List<String> problemsReplacingWith(Taxonomy next) {
    List<String> problems = new java.util.ArrayList<>();
    if (next.version() <= version && !dimensions.isEmpty()) {
      problems.add(
          "version must be greater than the current version "
              + version
              + ", got "
              + next.version());
    }
    for (Dimension old : dimensions) {
      Optional<Dimension> replacement = next.dimension(old.id());
      if (replacement.isEmpty()) {
        problems.add(
            "dimension '"
                + old.id()
                + "' was removed; keep it and mark its values retired instead");
        continue;
      }
      for (DimensionValue value : old.values()) {
        if (replacement.get().value(value.id()).isEmpty()) {
          problems.add(
              "value '"
                  + value.id()
                  + "' of dimension '"
                  + old.id()
                  + "' was removed; keep it with \"retired\": true instead");
        }
      }
    }
    return problems;
  }
}
