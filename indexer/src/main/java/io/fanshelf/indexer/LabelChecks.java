package io.fanshelf.indexer;

import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.Problems;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelRemoval;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.MetadataReader;
import io.fanshelf.indexer.taxonomy.Cardinality;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.util.List;
import java.util.Optional;

/**
 * The checks a batch of label changes passes before {@link Indexer#changeLabels} writes any of it:
 * each owner exists, and each label set names a dimension of the current taxonomy with active
 * values of it, one value for a one-value dimension. Labels are built by callers that resolved
 * names to ids already ({@code OwnerLabels}); this is the front door's own guard, so that no path
 * can store a label the taxonomy does not allow. Errors name the file {@code labels}, the 1-based
 * position in the batch (labels set first, then removals) and the field.
 */
final class LabelChecks {
  private static final String FILE = "labels";

  private LabelChecks() {}

  static void check(List<Label> set, List<LabelRemoval> removals, MetadataReader metadata)
      throws ImportRejectedException {
    Problems problems = new Problems();
    Taxonomy taxonomy = metadata.taxonomy();
    int position = 0;
    for (Label label : set) {
      position++;
      checkOwner(label.owner(), position, metadata, problems);
      Optional<Dimension> dimension = taxonomy.dimension(label.dimension());
      if (dimension.isEmpty()) {
        problems.add(
            FILE,
            position,
            "dimension",
            "unknown dimension '"
                + label.dimension()
                + "'; expected one of "
                + (taxonomy.dimensions().isEmpty()
                    ? "(none: no taxonomy imported yet)"
                    : taxonomy.describeDimensions()));
        continue;
      }
      for (String value : label.values()) {
        Optional<DimensionValue> known = dimension.get().value(value);
        if (known.isEmpty() || known.get().retired()) {
          problems.add(
              FILE,
              position,
              "values",
              (known.isEmpty() ? "unknown value '" : "retired value '")
                  + value
                  + "' of "
                  + label.dimension()
                  + "; expected one of "
                  + dimension.get().describeActiveValues());
        }
      }
      if (dimension.get().cardinality() == Cardinality.ONE && label.values().size() > 1) {
        problems.add(
            FILE,
            position,
            "values",
            label.dimension() + " takes exactly one value, got " + label.values().size());
      }
    }
    for (LabelRemoval removal : removals) {
      position++;
      checkOwner(removal.owner(), position, metadata, problems);
    }
    problems.throwIfAny();
  }

  private static void checkOwner(
      OwnerId owner, int position, MetadataReader metadata, Problems problems) {
    if (metadata.owner(owner).isEmpty()) {
      problems.add(FILE, position, "owner", "unknown owner '" + owner + "'");
    }
  }
}
