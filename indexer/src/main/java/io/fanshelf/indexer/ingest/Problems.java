package io.fanshelf.indexer.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the validation errors of one import, keeping the first {@link #LIMIT} and counting the
 * rest. Not thread-safe: one import, one collector.
 */
public final class Problems {
  /** How many errors are kept (and reported); the rest are only counted. */
  public static final int LIMIT = 100;

  private final List<ValidationError> kept = new ArrayList<>();
  private long total;

  public void add(String file, long line, String field, String message) {
    add(new ValidationError(file, line, field, message));
  }

  /** A problem that pages can also say in the reader's language ({@link ValidationError#code}). */
  public void add(String file, long line, String field, String message, ValidationError.Code code) {
    add(new ValidationError(file, line, field, message, Optional.of(code)));
  }

  public void add(ValidationError error) {
    total++;
    if (kept.size() < LIMIT) {
      kept.add(error);
    }
  }

  public boolean isEmpty() {
    return total == 0;
  }

  public long total() {
    return total;
  }

  public List<ValidationError> kept() {
    return List.copyOf(kept);
  }

  /** Throws when anything was collected. */
  public void throwIfAny() throws ImportRejectedException {
    if (total > 0) {
      throw new ImportRejectedException(kept(), total);
    }
  }
}
