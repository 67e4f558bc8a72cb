package io.fanshelf.indexer.aggregate;

import java.time.Instant;
import java.util.Objects;

/**
 * What an aggregates snapshot says about itself, besides the aggregates.
 *
 * @param position the log position it includes: every event the log numbered up to it, none after
 *     (for a snapshot shared by the nodes of one store, the milliseconds of the feed entry below)
 * @param lastEventId the id of the event at {@code position}, empty for position 0 or a log whose
 *     events at that position carry no number: a check that the snapshot belongs to this log (for a
 *     shared snapshot, the id of the last feed entry it includes)
 * @param created when it was written
 */
public record SnapshotInfo(long position, String lastEventId, Instant created) {
  public SnapshotInfo {
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0, got " + position);
    }
    Objects.requireNonNull(lastEventId, "lastEventId");
    Objects.requireNonNull(created, "created");
  }
}
