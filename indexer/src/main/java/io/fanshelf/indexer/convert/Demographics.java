package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.convert.GroceryTaxonomy.LabelColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads demographics.csv into the value ids of the grocery taxonomy, one row per household. */
final class Demographics {
  private Demographics() {}

  /**
   * Household id to its value ids, one per {@link GroceryTaxonomy#COLUMNS} entry in that order, an
   * empty string where an optional cell is empty. Households keep their file order.
   *
   * @throws RawDataException for a missing column, an empty required cell, a code the taxonomy does
   *     not know, or a household listed twice
   */
  static Map<String, List<String>> readAll(Path file) throws IOException {
    List<String> columns = new ArrayList<>();
    columns.add("household_id");
    GroceryTaxonomy.COLUMNS.forEach(column -> columns.add(column.rawColumn()));
    Map<String, List<String>> labels = new LinkedHashMap<>();
    try (RawCsvReader csv = RawCsvReader.open(file, columns)) {
      while (csv.next()) {
        String household = csv.numericId("household_id");
        List<String> values = new ArrayList<>(GroceryTaxonomy.COLUMNS.size());
        for (LabelColumn column : GroceryTaxonomy.COLUMNS) {
          values.add(valueId(csv, column));
        }
        if (labels.putIfAbsent(household, List.copyOf(values)) != null) {
          throw csv.error("household_id", "household " + household + " is listed twice");
        }
      }
    }
    return labels;
  }

  private static String valueId(RawCsvReader csv, LabelColumn column) throws RawDataException {
    String raw = csv.text(column.rawColumn());
    if (raw.isEmpty() && !column.required()) {
      return "";
    }
    return column
        .valueId(raw)
        .orElseThrow(
            () ->
                csv.error(
                    column.rawColumn(),
                    "expected one of "
                        + String.join(", ", column.valueIdByRaw().keySet())
                        + ", got '"
                        + raw
                        + "'"));
  }
}
