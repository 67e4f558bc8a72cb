package io.fanshelf.api.redis;

import io.fanshelf.api.event.EventQueue;
import io.fanshelf.indexer.model.Event;
import io.lettuce.core.XAddArgs;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * Queues accepted event batches on the Redis stream {@code <prefix>events}, one entry per batch
 * (field {@code events}: the batch as a JSON array); entries older than {@code retention} are
 * trimmed (approximately, as Redis trims whole nodes), so memory follows the event rate. The caller
 * is answered only after Redis has the entry, so an acknowledged batch survives the node; that it
 * survives Redis itself depends on the server's persistence (appendonly, see docs/operations.md).
 * {@link StreamIndexer} stores the entries. Thread-safe.
 */
public final class RedisEventQueue implements EventQueue {
  static final String STREAM = "events";
  static final String FIELD = "events";

  private final RedisLink redis;
  private final ObjectMapper json;
  private final Duration retention;
  private final Clock clock;

  public RedisEventQueue(RedisLink redis, ObjectMapper json, Duration retention, Clock clock) {
    this.redis = redis;
    this.json = json;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public boolean offer(List<Event> events) {
    String batch = json.writeValueAsString(events);
    // Entry ids start with Redis' clock in milliseconds: MINID trims by age.
    String oldestKept = Long.toString(clock.millis() - retention.toMillis());
    XAddArgs trim = XAddArgs.Builder.minId(oldestKept).approximateTrimming();
    return redis
        .call(commands -> commands.xadd(redis.key(STREAM), trim, Map.of(FIELD, batch)))
        .isPresent();
  }
}
