package io.fanshelf.indexer.convert;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which raw column fills which field: {@code user=customer_id,item=article_id,time=t_dat}, as given
 * on the command line. Keys are FanShelf's names, values the raw file's column names. Immutable.
 *
 * @param option the command-line option it came from, for messages
 */
public record ColumnMapping(String option, Map<String, String> columns) {
  public ColumnMapping {
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /**
   * Parses {@code key=column,key=column}.
   *
   * @throws IllegalArgumentException for a pair without {@code =}, an empty side or a key given
   *     twice
   */
  public static ColumnMapping parse(String option, String spec) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? "" : pair.substring(0, equals).strip();
      String column = equals < 0 ? "" : pair.substring(equals + 1).strip();
      if (key.isEmpty() || column.isEmpty()) {
        throw new IllegalArgumentException(
            option + ": expected key=column pairs such as user=customer_id, got '" + pair + "'");
      }
      if (columns.putIfAbsent(key, column) != null) {
        throw new IllegalArgumentException(option + ": '" + key + "' is given twice");
      }
    }
    return new ColumnMapping(option, columns);
  }

  /** Checks that every required key is there and (when {@code allowed} is not null) no other. */
  ColumnMapping require(Collection<String> required, Set<String> allowed) {
    for (String key : required) {
      if (!columns.containsKey(key)) {
        throw new IllegalArgumentException(
            option + ": '" + key + "=<column>' is missing; required are " + required);
      }
    }
    if (allowed != null) {
      for (String key : columns.keySet()) {
        if (!allowed.contains(key)) {
          throw new IllegalArgumentException(
              option + ": unknown key '" + key + "'; expected keys among " + allowed);
        }
      }
    }
    return this;
  }

  String column(String key) {
    String column = columns.get(key);
    if (column == null) {
      throw new IllegalArgumentException(option + " has no " + key);
    }
    return column;
  }

  Optional<String> optional(String key) {
    return Optional.ofNullable(columns.get(key));
  }
}
