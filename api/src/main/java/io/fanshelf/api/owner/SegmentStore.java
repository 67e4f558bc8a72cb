package io.fanshelf.api.owner;

import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Saved segments, per owner. Thread-safe; durable when a write returns. */
public interface SegmentStore {
  List<Segment> list(OwnerId owner);

  /** The owner's segment; another owner's segment id finds nothing. */
  Optional<Segment> get(OwnerId owner, String id);

  /** Adds or replaces a segment by (owner, id). */
  void put(Segment segment) throws IOException;

  boolean delete(OwnerId owner, String id) throws IOException;
}
