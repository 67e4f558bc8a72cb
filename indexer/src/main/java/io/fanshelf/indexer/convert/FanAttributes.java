package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * User attributes read from a raw users file, as labels: a generated taxonomy (one dimension per
 * attribute column) and each fan's value ids. Rows of users without interactions are counted and
 * left out. Not thread-safe while rows are added.
 */
final class FanAttributes {
  /** An attribute column and the dimension its cells fill. */
  record Column(String rawColumn, AttributeDimension dimension) {}

  private final List<Column> columns;
  private final Map<String, List<String>> valueIdsByFan = new LinkedHashMap<>();
  private final Set<String> rawUsersSeen = new HashSet<>();
  private long rowsWithoutInteractions;

  FanAttributes(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  /** No users file: no taxonomy, no labels. */
  static FanAttributes none() {
    return new FanAttributes(List.of());
  }

  /**
   * Adds the current row of {@code rows}: the user in {@code userColumn}, one label per attribute
   * column with a non-empty cell.
   *
   * @param fanId the FanShelf fan id of a raw user id, empty for a user without interactions
   * @throws RawDataException for a user listed twice or a cell its dimension does not accept
   */
  void add(RawRecords rows, String userColumn, Function<String, Optional<String>> fanId)
      throws IOException {
    String user = rows.required(userColumn);
    if (!rawUsersSeen.add(user)) {
      throw rows.error(userColumn, "user " + user + " is listed twice");
    }
    List<String> values = new ArrayList<>(columns.size());
    for (Column column : columns) {
      String raw = rows.text(column.rawColumn()).strip();
      try {
        values.add(raw.isEmpty() ? "" : column.dimension().valueId(raw));
      } catch (IllegalArgumentException e) {
        throw rows.error(column.rawColumn(), e.getMessage());
      }
    }
    Optional<String> fan = fanId.apply(user);
    if (fan.isEmpty()) {
      rowsWithoutInteractions++;
    } else if (values.stream().anyMatch(v -> !v.isEmpty())) {
      valueIdsByFan.put(fan.get(), List.copyOf(values));
    }
  }

  /**
   * The generated taxonomy, version 1: one dimension per column that got a value. Labels of fans
   * (from {@link #valueIdsByFan}) follow its dimension order.
   */
  Taxonomy taxonomy() {
    List<Dimension> dimensions = new ArrayList<>();
    for (Column column : columns) {
      column.dimension().dimension().ifPresent(dimensions::add);
    }
    return new Taxonomy(1, dimensions);
  }

  /**
   * Fan id to its value ids, one per dimension of {@link #taxonomy} in order, "" where the fan has
   * none; only fans with at least one value.
   */
  Map<String, List<String>> valueIdsByFan() {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).dimension().dimension().isPresent()) {
        kept.add(i);
      }
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    valueIdsByFan.forEach(
        (fan, values) -> result.put(fan, kept.stream().map(values::get).toList()));
    return result;
  }

  boolean isEmpty() {
    return valueIdsByFan.isEmpty();
  }

  /** Rows of users who have no interaction, hence are no fan. */
  long rowsWithoutInteractions() {
    return rowsWithoutInteractions;
  }
}
