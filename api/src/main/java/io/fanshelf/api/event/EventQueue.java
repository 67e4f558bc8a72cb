package io.fanshelf.api.event;

import io.fanshelf.indexer.model.Event;
import java.util.List;

/**
 * Where API nodes hand accepted events to the indexer when several nodes share one (the Redis
 * stream). Absent in the embedded default, where events are stored directly.
 */
public interface EventQueue {
  /**
   * Durably queues a validated batch to be stored (at least once; storing is idempotent by id).
   *
   * @return false when the queue cannot take it now; the caller then stores it directly
   */
  boolean offer(List<Event> events);
}
