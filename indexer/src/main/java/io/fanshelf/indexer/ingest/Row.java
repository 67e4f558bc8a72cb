package io.fanshelf.indexer.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One input row, from a CSV line or a JSONL object, seen through the same accessors so that the row
 * mappers are written once for both formats. Values come back trimmed; blank is absent.
 */
public interface Row {
  String file();

  long line();

  /** The fields the row carries (CSV: the header; JSON: the object's keys). */
  Set<String> fields();

  Optional<String> text(String field);

  /** A list: a JSON array, or a cell split on {@code ;}. */
  List<String> list(String field);

  /**
   * A map of name to values: a JSON object (string or array values), or a cell {@code
   * k=v|v2;k2=v3}.
   *
   * @throws IllegalArgumentException when the cell is not in that form
   */
  Map<String, List<String>> map(String field);
}
