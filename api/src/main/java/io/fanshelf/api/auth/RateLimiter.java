package io.fanshelf.api.auth;

import java.time.Duration;

/**
 * Request budgets per bucket (an API key, a share link). The embedded default keeps counters in
 * memory ({@link InMemoryRateLimiter}); several API nodes share them through Redis. Thread-safe.
 */
public interface RateLimiter {

  /**
   * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}.
   *
   * @param perSecond sustained rate, > 0
   * @param burst bucket size, >= 1
   */
  record Limit(double perSecond, int burst) {
    public Limit {
      if (!(perSecond > 0) || burst < 1) {
        throw new IllegalArgumentException(
            "a limit needs perSecond > 0 and burst >= 1, got " + perSecond + ", " + burst);
      }
    }
  }

  /**
   * Takes one request from the bucket.
   *
   * @return empty when allowed; otherwise how long until the next request would be
   */
  java.util.Optional<Duration> acquire(String bucket, Limit limit);
}
