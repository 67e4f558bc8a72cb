package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Event;
import java.io.Closeable;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The append-only event log. Thread-safe; appends are serialised. The backend that opened a store
 * closes it.
 */
public interface EventStore extends EventReader, Closeable {

  /**
   * Appends the events whose ids the log does not hold yet, all or none, and returns when they are
   * durable. The events may be streamed (read lazily from a file): if the iteration throws, nothing
   * of this call is kept and the exception propagates.
   *
   * @param events the batch; an id repeated inside it is kept once
   * @param onNew called for each event found new, before the batch commits; if the call fails
   *     afterwards, what it saw was not stored
   * @return how many events were new and how many were already in the log
   */
  AppendResult append(Iterable<Event> events, Consumer<Event> onNew) throws IOException;

  /**
   * What an append did.
   *
   * @param added events stored by this call
   * @param duplicates events skipped because their id was already stored or repeated in the batch
   */
  record AppendResult(long added, long duplicates) {}
}
