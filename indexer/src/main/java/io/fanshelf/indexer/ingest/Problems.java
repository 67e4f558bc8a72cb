package io.fanshelf.indexer.ingest;

import java.util.ArrayList;
import java.util.List;

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
    total++;
    if (kept.size() < LIMIT) {
      kept.add(new ValidationError(file, line, field, message));
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
