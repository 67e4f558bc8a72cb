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
   * @throws io.fanshelf.api.system.ApiException 503 with Retry-After when the queue cannot take it
   *     now (unreachable, or too far behind); nothing of the batch was queued then
   */
  void offer(List<Event> events);
}
