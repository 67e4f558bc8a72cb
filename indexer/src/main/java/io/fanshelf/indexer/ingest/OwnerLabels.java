package io.fanshelf.indexer.ingest;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Labels as one signed-in owner sets them: a label spreadsheet read for a dry-run preview, and a
 * single label set from the console or API. Both go through the importer's own label validation
 * ({@code LabelRows}), so an owner's sheet is judged exactly as an import file is. Stateless and
 * thread-safe; nothing here writes to a store.
 */
public final class OwnerLabels {
  private OwnerLabels() {}

  /**
   * One valid spreadsheet row.
   *
   * @param line where the row starts in the file
   * @param fan the fan it labels
   * @param labels one per non-empty dimension cell; may be empty
   */
  public record SheetRow(long line, FanId fan, List<Label> labels) {
    public SheetRow {
      labels = List.copyOf(labels);
    }
  }

  /**
   * A label spreadsheet, validated.
   *
   * @param file the file name as given
   * @param rowsRead data rows read
   * @param rows the valid rows, in file order
   * @param errors the problems found (at most {@link Problems#LIMIT})
   * @param totalErrors all problems found
   */
  public record Sheet(
      String file,
      long rowsRead,
      List<SheetRow> rows,
      List<ValidationError> errors,
      long totalErrors) {
    public Sheet {
      rows = List.copyOf(rows);
      errors = List.copyOf(errors);
    }

    /** Whether the whole sheet may be applied. */
    public boolean valid() {
      return totalErrors == 0;
    }

    /** Every label the sheet sets. */
    public List<Label> labels() {
      return rows.stream().flatMap(row -> row.labels().stream()).toList();
    }
  }

  /**
   * Reads and validates an owner's label spreadsheet (docs/data-formats.md, "Labels"). The {@code
   * owner_id} column may be left out; where present, every row must name {@code owner}, so that an
   * owner can never label another owner's fans.
   *
   * @param actor recorded as who set the labels
   */
  public static Sheet readSheet(
      Path file, OwnerId owner, Taxonomy taxonomy, Instant now, String actor) throws IOException {
    InputFile input = InputFile.of(file);
    Problems problems = new Problems();
    List<SheetRow> rows = new ArrayList<>();
    Map<FanId, Long> firstLine = new HashMap<>();
    long read = 0;
    try (RowReader reader =
        new RowReader(input, problems, LabelRows.fields(taxonomy), Set.of("fan_id"))) {
      while (reader.hasNext()) {
        Row row = reader.next();
        read++;
        Optional<String> named = row.text("owner_id");
        if (named.isPresent() && !named.get().equals(owner.value())) {
          problems.add(
              row.file(),
              row.line(),
              "owner_id",
              "this sheet may only label your own fans: expected '"
                  + owner
                  + "' or an empty cell, got '"
                  + named.get()
                  + "'");
          continue;
        }
        Optional<LabelRows.LabelRow> mapped =
            LabelRows.map(new OwnedRow(row, owner), problems, taxonomy, Set.of(owner), now, actor);
        if (mapped.isPresent()) {
          Long seen = firstLine.putIfAbsent(mapped.get().fan(), row.line());
          if (seen != null) {
            problems.add(
                row.file(),
                row.line(),
                "",
                "duplicate of the row at line " + seen,
                ValidationError.Code.of("duplicate-row", Long.toString(seen)));
          } else {
            rows.add(new SheetRow(row.line(), mapped.get().fan(), mapped.get().labels()));
          }
        }
      }
    }
    return new Sheet(input.name(), read, rows, problems.kept(), problems.total());
  }

  /**
   * Validates one label as an owner sets it by hand: the dimension must exist, each value must be
   * an active value of it (by id or by its zh-CN or English name), and a {@code one} dimension
   * takes exactly one value.
   *
   * @throws ImportRejectedException naming the field ({@code dimension}, {@code values}, {@code
   *     confidence}) and what was expected
   */
  public static Label label(
      OwnerId owner,
      FanId fan,
      String dimension,
      List<String> values,
      double confidence,
      LabelSource source,
      Instant now,
      String actor,
      Taxonomy taxonomy)
      throws ImportRejectedException {
    Problems problems = new Problems();
    if (taxonomy.dimension(dimension).isEmpty()) {
      problems.add(
          "label",
          0,
          "dimension",
          "unknown dimension '"
              + dimension
              + "'; expected one of "
              + (taxonomy.dimensions().isEmpty()
                  ? "(none: no taxonomy imported yet)"
                  : taxonomy.describeDimensions()),
          ValidationError.Code.of("label.unknown-dimension", dimension));
    } else if (values.stream().allMatch(v -> v == null || v.isBlank())) {
      problems.add(
          "label",
          0,
          "values",
          "at least one value is required",
          ValidationError.Code.of("label.no-value", dimension));
    }
    problems.throwIfAny();
    Map<String, String> cells = new LinkedHashMap<>();
    cells.put("owner_id", owner.value());
    cells.put("fan_id", fan.value());
    cells.put("confidence", Double.toString(confidence));
    cells.put("source", source.name().toLowerCase(Locale.ROOT));
    Row row = new ListRow(cells, dimension, values);
    Problems rowProblems = new Problems();
    Optional<LabelRows.LabelRow> mapped =
        LabelRows.map(row, rowProblems, taxonomy, Set.of(owner), now, actor);
    for (ValidationError error : rowProblems.kept()) {
      String field = error.field().equals(dimension) ? "values" : error.field();
      problems.add(new ValidationError("label", 0, field, error.message(), error.code()));
    }
    problems.throwIfAny();
    return mapped.orElseThrow().labels().getFirst();
  }

  /** A sheet row with the signed-in owner filled in when the sheet has no owner_id. */
  private static final class OwnedRow implements Row {
    private final Row row;
    private final OwnerId owner;

    OwnedRow(Row row, OwnerId owner) {
      this.row = row;
      this.owner = owner;
    }

    @Override
    public String file() {
      return row.file();
    }

    @Override
    public long line() {
      return row.line();
    }

    @Override
    public Set<String> fields() {
      Set<String> fields = new HashSet<>(row.fields());
      fields.add("owner_id");
      return fields;
    }

    @Override
    public Optional<String> text(String field) {
      return field.equals("owner_id") ? Optional.of(owner.value()) : row.text(field);
    }

    @Override
    public List<String> list(String field) {
      return field.equals("owner_id") ? List.of(owner.value()) : row.list(field);
    }

    @Override
    public Map<String, List<String>> map(String field) {
      return row.map(field);
    }
  }

  /** An in-memory row: fixed cells plus one dimension with its values. */
  private static final class ListRow implements Row {
    private final Map<String, String> cells;
    private final String dimension;
    private final List<String> values;

    ListRow(Map<String, String> cells, String dimension, List<String> values) {
      this.cells = cells;
      this.dimension = dimension;
      this.values =
          values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    @Override
    public String file() {
      return "label";
    }

    @Override
    public long line() {
      return 0;
    }

    @Override
    public Set<String> fields() {
      Set<String> fields = new HashSet<>(cells.keySet());
      fields.add(dimension);
      return fields;
    }

    @Override
    public Optional<String> text(String field) {
      if (field.equals(dimension)) {
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(";", values));
      }
      return Optional.ofNullable(cells.get(field));
    }

    @Override
    public List<String> list(String field) {
      if (field.equals(dimension)) {
        return values;
      }
      return text(field).map(List::of).orElse(List.of());
    }

    @Override
    public Map<String, List<String>> map(String field) {
      return Map.of();
    }
  }
}
