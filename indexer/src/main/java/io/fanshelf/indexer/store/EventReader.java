package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reading the event log: what {@code Indexer.store()} hands out, so that events are only appended
 * through the indexer (which keeps the aggregates in step). Thread-safe.
 */
public interface EventReader {

  boolean contains(EventId id) throws IOException;

  /**
   * The fan's most recent events, newest first; events of the same time by id, so that every
   * backend keeps the same ones at the limit (a basket's items share a timestamp).
   */
  List<Event> recent(FanId fan, int limit) throws IOException;

  /** Every event of the fan, in no particular order. */
  List<Event> allOf(FanId fan) throws IOException;

  long count() throws IOException;

  /** Visits every event, in no particular order. */
  void forEach(Consumer<Event> visitor) throws IOException;
}
