package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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

  /**
   * Where the log is: the number of the last event appended, events being numbered 1, 2, 3 ... in
   * the order their appends committed. Empty when this backend does not number its events (then
   * nothing can be replayed from a position, and aggregates snapshots are not used).
   */
  default OptionalLong position() throws IOException {
    return OptionalLong.empty();
  }

  /**
   * The id of the event numbered {@code position}; empty when there is none (a log that started
   * numbering later, or another log).
   */
  default Optional<EventId> idAt(long position) throws IOException {
    return Optional.empty();
  }

  /**
   * Visits every event numbered after {@code position}, in no particular order.
   *
   * @throws UnsupportedOperationException when {@link #position} is empty
   */
  default void forEachAfter(long position, Consumer<Event> visitor) throws IOException {
    throw new UnsupportedOperationException(describeNoPositions());
  }

  private String describeNoPositions() {
    return getClass().getSimpleName() + " does not number its events";
  }
}
