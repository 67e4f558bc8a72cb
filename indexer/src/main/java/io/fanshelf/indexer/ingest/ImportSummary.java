package io.fanshelf.indexer.ingest;

import java.time.Duration;
import java.util.List;

/**
 * What an import did.
 *
 * @param files one entry per file, in the order applied
 * @param elapsed wall time of validation and application together
 */
public record ImportSummary(List<FileSummary> files, Duration elapsed) {
  public ImportSummary {
    files = List.copyOf(files);
  }

  /**
   * One file's outcome.
   *
   * @param kind taxonomy, owners, catalog, fans, labels or events
   * @param file the file name
   * @param rowsRead data rows read (header and blank lines not counted)
   * @param accepted rows applied
   * @param duplicates rows skipped because the store already had them (events only)
   * @param elapsed time to validate and apply this file
   */
  public record FileSummary(
      String kind, String file, long rowsRead, long accepted, long duplicates, Duration elapsed) {

    public double rowsPerSecond() {
      double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
      return rowsRead / seconds;
    }
  }

  public long rowsRead() {
    return files.stream().mapToLong(FileSummary::rowsRead).sum();
  }

  public long accepted() {
    return files.stream().mapToLong(FileSummary::accepted).sum();
  }
}
