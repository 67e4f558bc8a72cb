package io.fanshelf.api.redis;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the shared online state: UP while Redis answers; DEGRADED (HTTP 200, still ready) while
 * this node serves without it: no shared cache, event writes refused (503), per-node rate limits.
 * Either way the details, shown at {@code /actuator/health/event-stream}, carry the event stream's
 * backlog (entries this node's consumer group has not stored, the oldest one's age in milliseconds,
 * and whether event writes are refused).
 */
public final class RedisHealthIndicator extends AbstractHealthIndicator {
  /** Serving, but without Redis. */
  public static final Status DEGRADED = new Status("DEGRADED", "serving without Redis");

  private final RedisLink redis;
  private final StreamBacklog backlog;
  private final RedisEventQueue.Bound bound;

  public RedisHealthIndicator(RedisLink redis, StreamBacklog backlog, RedisEventQueue.Bound bound) {
    super("the Redis state could not be read");
    this.redis = redis;
    this.backlog = backlog;
    this.bound = bound;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    if (redis.reachable()) {
      builder.up().withDetail("since", redis.since().toString());
    } else {
      // Not the error itself: this group is public, and the error (hosts, ports) is logged.
      builder.status(DEGRADED).withDetail("since", redis.since().toString());
    }
    var waiting = backlog.current();
    waiting.ifPresent(
        measured ->
            builder
                .withDetail("streamBacklog", measured.entries())
                .withDetail("streamBacklogOldestMillis", measured.oldest().toMillis())
                .withDetail("streamBacklogMeasuredAt", measured.measuredAt().toString()));
    builder.withDetail(
        "eventWritesRefused", !redis.reachable() || waiting.filter(bound::exceededBy).isPresent());
  }
}
