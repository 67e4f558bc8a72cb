package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.api.auth.RateLimiter;
import io.fanshelf.api.auth.RateLimiter.Limit;
import java.time.Duration;
import java.util.Optional;
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
  void refillsAtTheSustainedRate() throws InterruptedException {
    RateLimiter limiter = create();
    Limit limit = new Limit(20, 1); // one token every 50 ms
    assertThat(limiter.acquire("link:x", limit)).isEmpty();
    assertThat(limiter.acquire("link:x", limit)).isPresent();
    Thread.sleep(120);
    assertThat(limiter.acquire("link:x", limit)).isEmpty();
  }
}
