package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.api.redis.RedisLink;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A blocking read on an idle stream waits its full time without timing out, with the command
 * timeout the service runs with (250 ms) shorter than the read (1 s): once, every idle read of the
 * event stream timed out and was logged (issue 16).
 */
class RedisBlockingReadIT {
  private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);
  private static final Duration BLOCK = Duration.ofSeconds(1);

  private final String prefix = RedisTestSupport.prefix();
  private final RedisLink link = new RedisLink(RedisTestSupport.URL, prefix, COMMAND_TIMEOUT);

  @AfterEach
  void clean() {
    RedisTestSupport.clean(link, prefix);
  }

  @Test
  @SuppressWarnings("unchecked") // one offset through Lettuce's generic varargs
  void anIdleBlockingReadReturnsEmptyAfterItsBlockTime() {
    String stream = link.key("events");
    try (StatefulRedisConnection<String, String> connection = link.openBlocking(BLOCK)) {
      RedisCommands<String, String> commands = connection.sync();
      commands.xgroupCreate(
          XReadArgs.StreamOffset.from(stream, "0"), "g", XGroupCreateArgs.Builder.mkstream());
      long start = System.nanoTime();
      var read =
          commands.xreadgroup(
              Consumer.from("g", "c"),
              XReadArgs.Builder.count(1).block(BLOCK),
              XReadArgs.StreamOffset.lastConsumed(stream));
      assertThat(read).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(BLOCK);
    }
  }

  @Test
  void otherCommandsStillTimeOutAfterTheCommandTimeout() {
    // Blocks for a second on the link's own connection: cut short at 250 ms.
    var popped = link.call(commands -> commands.blpop(1.0, link.key("nothing")));
    assertThat(popped).isEmpty();
    assertThat(link.lastError()).startsWith(RedisCommandTimeoutException.class.getSimpleName());
  }
}
