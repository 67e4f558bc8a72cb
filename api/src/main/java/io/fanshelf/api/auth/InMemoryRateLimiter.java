package io.fanshelf.api.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in one JVM. Thread-safe. Buckets are kept for the life of the process (one per API
 * key and share link that was used), which is small next to the fans and links themselves.
 */
public final class InMemoryRateLimiter implements RateLimiter {
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  public InMemoryRateLimiter() {
    this(System::nanoTime);
  }

  /** With a clock for tests. */
  public InMemoryRateLimiter(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  @Override
  public Optional<Duration> acquire(String bucket, Limit limit) {
    return buckets
        .computeIfAbsent(bucket, b -> new Bucket(limit.burst(), nanoTime.getAsLong()))
        .take(limit, nanoTime.getAsLong());
  }

  private static final class Bucket {
    private double tokens;
    private long updated;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updated = now;
    }

    synchronized Optional<Duration> take(Limit limit, long now) {
      double elapsed = Math.max(0, now - updated) / 1e9;
      tokens = Math.min(limit.burst(), tokens + elapsed * limit.perSecond());
      updated = now;
      if (tokens >= 1) {
        tokens -= 1;
        return Optional.empty();
      }
      double wait = (1 - tokens) / limit.perSecond();
      return Optional.of(Duration.ofNanos((long) Math.ceil(wait * 1e9)));
    }
  }
}
