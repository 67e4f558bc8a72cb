package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.api.auth.InMemoryRateLimiter;
import io.fanshelf.api.auth.RateLimiter;
import io.fanshelf.api.auth.RateLimiter.Limit;
import io.fanshelf.api.redis.RedisLink;
import io.fanshelf.api.redis.RedisRateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract on the real Redis server, and what only sharing adds. */
class RedisRateLimiterIT extends RateLimiterContract {
  private final String prefix = RedisTestSupport.prefix();
  private final List<RedisLink> links = new ArrayList<>();

  @Override
  protected RateLimiter create() {
    RedisLink link = RedisTestSupport.link(prefix);
    links.add(link);
    return new RedisRateLimiter(link, new InMemoryRateLimiter());
  }

  @AfterEach
  void clean() {
    links.forEach(link -> RedisTestSupport.clean(link, prefix));
  }

  @Test
  void nodesShareOneBudget() {
    RateLimiter nodeA = create();
    RateLimiter nodeB = create();
    Limit limit = new Limit(1, 2);
    assertThat(nodeA.acquire("key:shared", limit)).isEmpty();
    assertThat(nodeB.acquire("key:shared", limit)).isEmpty();
    assertThat(nodeA.acquire("key:shared", limit)).isPresent();
    assertThat(nodeB.acquire("key:shared", limit)).isPresent();
  }

  @Test
  void limitsPerNodeWhileRedisIsUnreachable() {
    RedisLink down = new RedisLink("redis://127.0.0.1:1", prefix, Duration.ofMillis(100));
    try {
      RateLimiter limiter = new RedisRateLimiter(down, new InMemoryRateLimiter());
      Limit limit = new Limit(1, 1);
      assertThat(limiter.acquire("key:a", limit)).isEmpty();
      assertThat(limiter.acquire("key:a", limit)).isPresent();
    } finally {
      down.close();
    }
  }
}
