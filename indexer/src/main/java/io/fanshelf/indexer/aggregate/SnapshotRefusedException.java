package io.fanshelf.indexer.aggregate;

import java.io.IOException;

/**
 * An aggregates snapshot that cannot be used: truncated, corrupt, of another format version, made
 * with other options, or for another event log. The message says which; the caller rebuilds from
 * the log instead.
 */
public final class SnapshotRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  public SnapshotRefusedException(String message) {
    super(message);
  }

  public SnapshotRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
