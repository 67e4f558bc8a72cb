package io.fanshelf.api.redis;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the shared online state: UP while Redis answers; DEGRADED (HTTP 200, still ready) while
 * this node serves without it: no shared cache, events stored directly, per-node rate limits.
 */
public final class RedisHealthIndicator extends AbstractHealthIndicator {
  /** Serving, but without Redis. */
  public static final Status DEGRADED = new Status("DEGRADED", "serving without Redis");

  private final RedisLink redis;

  public RedisHealthIndicator(RedisLink redis) {
    super("the Redis state could not be read");
    this.redis = redis;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    if (redis.reachable()) {
      builder.up().withDetail("since", redis.since().toString());
    } else {
      builder
          .status(DEGRADED)
          .withDetail("since", redis.since().toString())
          .withDetail("error", redis.lastError());
    }
  }
}
