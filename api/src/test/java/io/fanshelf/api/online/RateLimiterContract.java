package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.api.auth.RateLimiter;
import io.fanshelf.api.auth.RateLimiter.Limit;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} must do; run on the in-memory and the Redis one. */
abstract class RateLimiterContract {
  /** A fresh limiter with no buckets used yet. */
  protected abstract RateLimiter create();

  @Test
  void allowsTheBurstThenRefusesWithTheWait() {
    RateLimiter limiter = create();
    Limit limit = new Limit(1, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("key:a", limit)).as("request %d", i + 1).isEmpty();
    }
    Optional<Duration> wait = limiter.acquire("key:a", limit);
    assertThat(wait).isPresent();
    assertThat(wait.get()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void keepsBucketsApart() {
    RateLimiter limiter = create();
    Limit limit = new Limit(1, 1);
    assertThat(limiter.acquire("key:a", limit)).isEmpty();
    assertThat(limiter.acquire("key:a", limit)).isPresent();
    assertThat(limiter.acquire("key:b", limit)).isEmpty();
  }

  @Test
  void refillsAtTheSustainedRate() {
    RateLimiter limiter = create();
    Limit limit = new Limit(20, 1); // one token every 50 ms
    long start = System.nanoTime();
    assertThat(limiter.acquire("link:x", limit)).isEmpty();
    assertThat(limiter.acquire("link:x", limit)).isPresent();
    // The limiter's clock (Redis's, for the Redis one) must really move: poll until the token is
    // back, which must be neither sooner than the rate allows nor later than a busy machine
    // explains.
    long deadline = start + Duration.ofSeconds(10).toNanos();
    while (limiter.acquire("link:x", limit).isPresent()) {
      assertThat(System.nanoTime()).as("refilled within 10 s").isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(45));
  }
}
