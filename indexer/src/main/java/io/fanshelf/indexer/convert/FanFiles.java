package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes fans.csv and labels.csv: every fan (a Complete Journey household, a MovieLens user ...)
 * becomes a fan of its owners, and each of those owners labels it from its attribute row, when it
 * has one. Rows are sorted by owner (in the owners' order) and then by fan id, numerically. Holds
 * the counts of what it wrote; immutable.
 */
record FanFiles(
    long memberships,
    long labelledFans,
    long labelRows,
    long labels,
    long demographicsWithoutFans) {

  /** Numeric ids in numeric order: shorter first, then by text. */
  static final Comparator<String> NUMERIC_ID =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  static FanFiles write(
      Path fansFile,
      Path labelsFile,
      Taxonomy taxonomy,
      FanOwners owners,
      Collection<String> fanIds,
      Map<String, List<String>> valueIds,
      Instant joinedAt,
      ZoneId zone)
      throws IOException {
    List<String> fans = fanIds.stream().sorted(NUMERIC_ID).toList();
    String joined = ImportFiles.time(joinedAt, zone);
    long memberships = 0;
    long labelRows = 0;
    long labels = 0;
    try (CsvWriter fanOut = CsvWriter.open(fansFile, ImportFiles.FAN_HEADER);
        CsvWriter labelOut = CsvWriter.open(labelsFile, ImportFiles.labelHeader(taxonomy))) {
      for (Owner owner : owners.owners()) {
        for (String fan : fans) {
          if (!owners.ownersOf(fan).contains(owner)) {
            continue;
          }
          fanOut.row(List.of(owner.id().value(), fan, joined));
          memberships++;
          List<String> values = valueIds.get(fan);
          if (values != null) {
            List<String> row = new ArrayList<>();
            row.add(owner.id().value());
            row.add(fan);
            row.addAll(values);
            row.add(joined);
            labelOut.row(row);
            labelRows++;
            labels += values.stream().filter(v -> !v.isEmpty()).count();
          }
        }
      }
    }
    long labelledFans = fans.stream().filter(valueIds::containsKey).count();
    return new FanFiles(
        memberships, labelledFans, labelRows, labels, valueIds.size() - labelledFans);
  }
}
