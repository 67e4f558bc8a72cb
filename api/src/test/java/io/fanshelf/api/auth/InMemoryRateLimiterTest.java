package io.fanshelf.api.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {
  private final AtomicLong now = new AtomicLong();
  private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(now::get);
  private final RateLimiter.Limit limit = new RateLimiter.Limit(2, 3);

  @Test
  void allowsTheBurstThenTheRate() {
    for (int i = 0; i < 3; i++) {
      Assertions.assertEquals(Optional.empty(), limiter.acquire("key:a", limit));
    }
    Optional<Duration> wait = limiter.acquire("key:a", limit);
    Assertions.assertTrue(wait.isPresent());
    Assertions.assertEquals(Duration.ofMillis(500), wait.get());
    now.addAndGet(Duration.ofMillis(500).toNanos());
    Assertions.assertEquals(Optional.empty(), limiter.acquire("key:a", limit));
    Assertions.assertTrue(limiter.acquire("key:a", limit).isPresent());
  }

  @Test
  void bucketsAreIndependent() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("key:a", limit);
    }
    Assertions.assertTrue(limiter.acquire("key:a", limit).isPresent());
    Assertions.assertEquals(Optional.empty(), limiter.acquire("link:b", limit));
  }

  @Test
  void aLongPauseRefillsOnlyUpToTheBurst() {
    now.addAndGet(Duration.ofHours(1).toNanos());
    for (int i = 0; i < 3; i++) {
      Assertions.assertEquals(Optional.empty(), limiter.acquire("key:a", limit));
    }
    Assertions.assertTrue(limiter.acquire("key:a", limit).isPresent());
  }

  @Test
  void rejectsNonsenseLimits() {
    Assertions.assertThrows(IllegalArgumentException.class, () -> new RateLimiter.Limit(0, 1));
    Assertions.assertThrows(IllegalArgumentException.class, () -> new RateLimiter.Limit(1, 0));
  }
}
