package io.fanshelf.api.owner;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.OwnerLabels;
import io.fanshelf.indexer.ingest.ValidationError;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * An owner's label spreadsheet: a dry run shows every error and every change before anything is
 * applied; applying validates again and writes all labels or none. Validation is the indexer's
 * ({@link OwnerLabels}). Thread-safe.
 */
@Service
public class LabelImportService {
  /** How many changes a preview lists one by one (all are counted). */
  public static final int PREVIEW_CHANGES = 500;

  private final Indexer indexer;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public LabelImportService(Indexer indexer, Clock clock, ApplicationEventPublisher events) {
    this.indexer = indexer;
    this.clock = clock;
    this.events = events;
  }

  /**
   * One label a sheet would set.
   *
   * @param line the row
   * @param fan the fan
   * @param newFan whether the fan is not among the owner's fans yet (the import adds them)
   * @param dimension the dimension
   * @param before the values now; empty when unset
   * @param after the values the sheet sets
   */
  public record Change(
      long line,
      String fan,
      boolean newFan,
      String dimension,
      List<String> before,
      List<String> after) {}

  /**
   * What a sheet does, or would do.
   *
   * @param file the file name
   * @param rows data rows read
   * @param valid whether it can be applied (no errors)
   * @param applied whether it was applied
   * @param fans fans the valid rows label
   * @param newFans of them, fans the owner does not have yet
   * @param labels labels set
   * @param unchanged of them, labels that already hold the same values
   * @param changes the first {@link #PREVIEW_CHANGES} changes
   * @param errors every error found (up to 100), with file, line, field and message
   * @param totalErrors all errors
   */
  public record Preview(
      String file,
      long rows,
      boolean valid,
      boolean applied,
      int fans,
      int newFans,
      int labels,
      int unchanged,
      List<Change> changes,
      List<ValidationError> errors,
      long totalErrors) {}

  public Preview preview(OwnerId owner, Path file) throws IOException {
    return describe(owner, read(owner, file), false);
  }

  /**
   * Validates and applies the sheet, through the indexer's front door for labels.
   *
   * @throws ImportRejectedException with every error when the sheet is not valid; nothing changed
   */
  public Preview apply(OwnerId owner, Path file) throws IOException, ImportRejectedException {
    OwnerLabels.Sheet sheet = read(owner, file);
    if (!sheet.valid()) {
      throw new ImportRejectedException(sheet.errors(), sheet.totalErrors());
    }
    Preview preview = describe(owner, sheet, true); // the changes as they are before the write
    indexer.changeLabels(sheet.labels(), List.of());
    events.publishEvent(new OwnerDataChanged(owner, Optional.empty()));
    return preview;
  }

  private OwnerLabels.Sheet read(OwnerId owner, Path file) throws IOException {
    return OwnerLabels.readSheet(
        file,
        owner,
        indexer.store().metadata().taxonomy(),
        clock.instant(),
        "import:" + file.getFileName());
  }

  private Preview describe(OwnerId owner, OwnerLabels.Sheet sheet, boolean applied)
      throws IOException {
    List<Change> changes = new ArrayList<>();
    int newFans = 0;
    int unchanged = 0;
    for (OwnerLabels.SheetRow row : sheet.rows()) {
      Optional<FanProfile> profile = indexer.store().fans().get(owner, row.fan());
      if (profile.isEmpty()) {
        newFans++;
      }
      for (Label label : row.labels()) {
        List<String> before =
            profile.flatMap(p -> p.label(label.dimension())).map(Label::values).orElse(List.of());
        if (before.equals(label.values())) {
          unchanged++;
        } else if (changes.size() < PREVIEW_CHANGES) {
          changes.add(
              new Change(
                  row.line(),
                  row.fan().value(),
                  profile.isEmpty(),
                  label.dimension(),
                  before,
                  label.values()));
        }
      }
    }
    return new Preview(
        sheet.file(),
        sheet.rowsRead(),
        sheet.valid(),
        applied,
        sheet.rows().size(),
        newFans,
        sheet.labels().size(),
        unchanged,
        changes,
        sheet.errors(),
        sheet.totalErrors());
  }
}
