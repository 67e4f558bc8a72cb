package io.fanshelf.indexer.ingest;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.taxonomy.Cardinality;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the owner's label spreadsheet (one row per fan, one column per dimension) to labels,
 * resolving values by id or by their zh-CN or English names (docs/data-formats.md, "Labels").
 */
final class LabelRows {
  static final Set<String> FIXED_FIELDS =
      Set.of("owner_id", "fan_id", "confidence", "source", "labelled_at");
  static final Set<String> REQUIRED = Set.of("owner_id", "fan_id");

  private LabelRows() {}

  /** One spreadsheet row: the fan it is about and the labels its cells set (possibly none). */
  record LabelRow(OwnerId owner, FanId fan, List<Label> labels) {
    /** What must be unique per file: one row per (owner, fan). */
    List<Object> key() {
      return List.of(owner, fan);
    }
  }

  /** The columns a label sheet may have under this taxonomy. */
  static Set<String> fields(Taxonomy taxonomy) {
    Set<String> fields = new HashSet<>(FIXED_FIELDS);
    taxonomy.dimensions().forEach(d -> fields.add(d.id()));
    return fields;
  }

  /**
   * One row with its labels (one per non-empty dimension cell); empty with problems recorded when
   * the row is bad.
   *
   * @param actor recorded as who set the labels (e.g. the file name)
   */
  static Optional<LabelRow> map(
      Row row,
      Problems problems,
      Taxonomy taxonomy,
      Set<OwnerId> owners,
      Instant now,
      String actor) {
    FieldReader f = new FieldReader(row, problems);
    OwnerId owner = f.parseRequired("owner_id", OwnerId::new);
    if (owner != null && !owners.contains(owner)) {
      f.fail("owner_id", "unknown owner '" + owner + "'; import it in the owners file first");
    }
    FanId fan = f.parseRequired("fan_id", FanId::new);
    double confidence = f.parse("confidence", FieldReader::number).orElse(1.0);
    if (!(confidence > 0 && confidence <= 1)) {
      f.fail("confidence", "expected a number in (0, 1], got " + confidence);
    }
    LabelSource source = f.parse("source", LabelRows::source).orElse(LabelSource.IMPORT);
    Instant time = f.parse("labelled_at", FieldReader::time).orElse(now);
    List<Label> labels = new ArrayList<>();
    for (Dimension dimension : taxonomy.dimensions()) {
      List<String> cells = f.list(dimension.id());
      if (cells.isEmpty()) {
        continue;
      }
      List<String> values = resolve(f, dimension, cells);
      if (f.ok()) {
        f.build(
                () ->
                    new Label(owner, fan, dimension.id(), values, source, confidence, time, actor))
            .ifPresent(labels::add);
      }
    }
    return f.ok() ? Optional.of(new LabelRow(owner, fan, labels)) : Optional.empty();
  }

  private static List<String> resolve(FieldReader f, Dimension dimension, List<String> cells) {
    List<String> values = new ArrayList<>();
    for (String cell : cells) {
      Optional<DimensionValue> value = dimension.resolve(cell);
      if (value.isEmpty()) {
        f.fail(
            dimension.id(),
            "expected one of " + dimension.describeActiveValues() + ", got '" + cell + "'",
            ValidationError.Code.of("label.unknown-value", dimension.id(), cell));
      } else if (value.get().retired()) {
        f.fail(
            dimension.id(),
            "value '"
                + cell
                + "' is retired and cannot be set on new labels; expected one of "
                + dimension.describeActiveValues(),
            ValidationError.Code.of("label.retired-value", dimension.id(), cell));
      } else if (!values.contains(value.get().id())) {
        values.add(value.get().id());
      }
    }
    if (dimension.cardinality() == Cardinality.ONE && values.size() > 1) {
      f.fail(
          dimension.id(),
          "takes exactly one value, got " + values.size() + ": " + cells,
          ValidationError.Code.of(
              "label.one-value", dimension.id(), Integer.toString(values.size())));
    }
    return values;
  }

  private static LabelSource source(String text) {
    try {
      return LabelSource.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected owner, import or suggested, got '" + text + "'");
    }
  }
}
