package io.fanshelf.api.online;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.api.redis.RedisLink;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The real Redis server of these machines (127.0.0.1:6379; .ci/run starts it when stopped). Each
 * test uses its own key prefix and deletes its keys afterwards, so tests never see each other.
 */
public final class RedisTestSupport {
  public static final String URL = "redis://127.0.0.1:6379/0";

  private RedisTestSupport() {}

  public static String prefix() {
    return "fstest-" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  /** A link to the local server; fails the test clearly when the server is not running. */
  public static RedisLink link(String prefix) {
    RedisLink link = new RedisLink(URL, prefix, Duration.ofSeconds(2));
    assertTrue(
        link.reachable(),
        "these tests need the Redis server at 127.0.0.1:6379: redis-server --daemonize yes --bind"
            + " 127.0.0.1 --port 6379 --save \"\" --appendonly no ("
            + link.lastError()
            + ")");
    return link;
  }

  /** Deletes every key under {@code prefix} and closes the link. */
  public static void clean(RedisLink link, String prefix) {
    link.call(
        commands -> {
          List<String> keys = commands.keys(prefix + "*");
          return keys.isEmpty() ? 0L : commands.del(keys.toArray(String[]::new));
        });
    link.close();
  }
}
