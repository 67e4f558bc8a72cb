package io.fanshelf.api.redis;

import io.fanshelf.api.event.EventQueue;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.model.Event;
import io.lettuce.core.XAddArgs;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.ObjectMapper;

/**
 * Queues accepted event batches on the Redis stream {@code <prefix>events}, one entry per batch
 * (field {@code events}: the batch as a JSON array); entries older than {@code retention} are
 * trimmed (approximately, as Redis trims whole nodes), so memory follows the event rate. The caller
 * is answered only after Redis has the entry, so an acknowledged batch survives the node; that it
 * survives Redis itself depends on the server's persistence (appendonly, see docs/operations.md).
 * {@link StreamIndexer} stores the entries.
 *
 * <p>Back-pressure: while the {@link StreamBacklog} of this node's consumers is over {@code bound}
 * (the oldest unstored entry older than its age, or more entries waiting), a batch is refused with
 * 503 and Retry-After instead of growing the backlog without end; so is any batch while Redis is
 * unreachable. Thread-safe.
 */
public final class RedisEventQueue implements EventQueue {
  static final String STREAM = "events";
  static final String FIELD = "events";
  // Long enough for a backlog measurement or a Redis health check to have run again.
  private static final Duration RETRY_LATER = Duration.ofSeconds(1);

  /**
   * When the queue stops taking batches.
   *
   * @param maxAge the oldest unstored entry may be this old (zero: no bound)
   * @param maxEntries this many entries may wait (zero: no bound)
   */
  public record Bound(Duration maxAge, long maxEntries) {
    public static final Bound NONE = new Bound(Duration.ZERO, 0);

    boolean exceededBy(StreamBacklog.Backlog backlog) {
      return (!maxAge.isZero() && backlog.oldest().compareTo(maxAge) > 0)
          || (maxEntries > 0 && backlog.entries() > maxEntries);
    }
  }

  private final RedisLink redis;
  private final ObjectMapper json;
  private final Duration retention;
  private final Clock clock;
  private final Supplier<Optional<StreamBacklog.Backlog>> backlog;
  private final Bound bound;

  public RedisEventQueue(
      RedisLink redis,
      ObjectMapper json,
      Duration retention,
      Clock clock,
      Supplier<Optional<StreamBacklog.Backlog>> backlog,
      Bound bound) {
    this.redis = redis;
    this.json = json;
    this.retention = retention;
    this.clock = clock;
    this.backlog = backlog;
    this.bound = bound;
  }

  @Override
  public void offer(List<Event> events) {
    Optional<StreamBacklog.Backlog> waiting = backlog.get().filter(bound::exceededBy);
    if (waiting.isPresent()) {
      throw ApiException.serviceUnavailable(
          "the event stream is behind: "
              + waiting.get().entries()
              + " batches wait to be stored, the oldest for "
              + waiting.get().oldest().toMillis()
              + " ms (fanshelf.redis.backlog-max-age "
              + bound.maxAge().toMillis()
              + " ms, backlog-max-entries "
              + bound.maxEntries()
              + "); the batch was not acknowledged: send it again later",
          RETRY_LATER);
    }
    String batch = json.writeValueAsString(events);
    // Entry ids start with Redis' clock in milliseconds: MINID trims by age.
    String oldestKept = Long.toString(clock.millis() - retention.toMillis());
    XAddArgs trim = XAddArgs.Builder.minId(oldestKept).approximateTrimming();
    if (redis
        .call(commands -> commands.xadd(redis.key(STREAM), trim, Map.of(FIELD, batch)))
        .isEmpty()) {
      throw ApiException.serviceUnavailable(
          "Redis is unreachable, so the events cannot be queued ("
              + redis.lastError()
              + "); the batch was not acknowledged: send it again later (events stored"
              + " meanwhile are skipped as duplicates)",
          RETRY_LATER);
    }
  }
}
