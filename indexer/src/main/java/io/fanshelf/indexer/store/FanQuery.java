package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.OwnerId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One page of an owner's fans, filtered by labels: for every dimension in {@code labels} the fan
 * must carry at least one of the listed values (AND across dimensions, OR within one). Fans come
 * ordered by fan id; {@code after} is the cursor from the previous page.
 *
 * @param owner whose fans; a query never reaches another owner's fans
 * @param labels dimension id to accepted value ids
 * @param unlabelled dimension ids the fan must NOT have a label for
 * @param after return fans with ids after this one
 * @param pageSize 1 to 1,000
 */
public record FanQuery(
    OwnerId owner,
    Map<String, Set<String>> labels,
    Set<String> unlabelled,
    Optional<String> after,
    int pageSize) {
  public static final int MAX_PAGE_SIZE = 1_000;

  public FanQuery {
    Objects.requireNonNull(owner, "owner");
    TreeMap<String, Set<String>> copy = new TreeMap<>();
    labels.forEach(
        (dimension, values) -> {
          if (values.isEmpty()) {
            throw new IllegalArgumentException(
                "filter on " + dimension + " needs at least one value");
          }
          copy.put(dimension, Set.copyOf(values));
        });
    labels = java.util.Collections.unmodifiableMap(copy);
    unlabelled = Set.copyOf(unlabelled);
    Objects.requireNonNull(after, "after");
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "page size must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
    }
  }

  public static FanQuery all(OwnerId owner, int pageSize) {
    return new FanQuery(owner, Map.of(), Set.of(), Optional.empty(), pageSize);
  }
}
