package io.fanshelf.api.console;

import io.fanshelf.indexer.taxonomy.Cardinality;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The label spreadsheet's template: a header of {@code fan_id} and the owner's dimension ids, and
 * example rows with values written by their display names, which the import accepts like ids.
 */
final class SheetTemplate {
  private SheetTemplate() {}

  /** The header row, then one example row per fan id. */
  static List<List<String>> rows(List<String> fans, ConsoleNames names) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("fan_id"));
    names.dimensions().forEach(d -> header.add(d.id()));
    rows.add(header);
    for (int row = 0; row < fans.size(); row++) {
      List<String> cells = new ArrayList<>(List.of(fans.get(row)));
      for (Dimension dimension : names.dimensions()) {
        cells.add(example(dimension, row, names));
      }
      rows.add(cells);
    }
    return rows;
  }

  /**
   * Row 0 takes each dimension's first value, row 1 the next one (two of them where a fan may have
   * many), so the example shows both forms.
   */
  private static String example(Dimension dimension, int row, ConsoleNames names) {
    List<DimensionValue> values = names.values(dimension);
    if (values.isEmpty()) {
      return "";
    }
    DimensionValue first = values.get(row % values.size());
    if (row == 1 && dimension.cardinality() == Cardinality.MANY && values.size() > 1) {
      return names.name(values.get(0)) + ";" + names.name(values.get(1));
    }
    return names.name(first);
  }

  /** RFC 4180 with a byte order mark, CRLF line ends. */
  static String csv(List<List<String>> rows) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          csv.append(',');
        }
        csv.append(cell(row.get(i)));
      }
      csv.append("\r\n");
    }
    return csv.toString();
  }

  private static String cell(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("\n")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }
}
