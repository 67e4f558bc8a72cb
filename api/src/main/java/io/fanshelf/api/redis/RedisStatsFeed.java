package io.fanshelf.api.redis;

import io.fanshelf.api.owner.StatsFeed;
import io.fanshelf.indexer.model.Event;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The statistics feed on a Redis stream, {@code <prefix>stats}: one entry per stored batch of
 * attributed events, trimmed by age like the event stream ({@code
 * fanshelf.redis.stream-retention}); every node reads all of it (no consumer group) on thread
 * {@code fanshelf-stats-feed}. A node away longer than the retention misses entries; its next start
 * counts from the store again. Thread-safe.
 */
public final class RedisStatsFeed implements StatsFeed {
  static final String STREAM = "stats";
  private static final Logger LOG = LoggerFactory.getLogger(RedisStatsFeed.class);
  private static final String FIELD = "events";
  private static final Duration BLOCK = Duration.ofSeconds(1);

  private final RedisLink redis;
  private final ObjectMapper json;
  private final Duration retention;
  private final Clock clock;
  private final String stream;
  private volatile boolean running = true;
  private Thread follower;

  public RedisStatsFeed(RedisLink redis, ObjectMapper json, Duration retention, Clock clock) {
    this.redis = redis;
    this.json = json;
    this.retention = retention;
    this.clock = clock;
    this.stream = redis.key(STREAM);
  }

  @Override
  public String position() {
    return redis
        .call(c -> c.xrevrange(stream, Range.create("-", "+"), io.lettuce.core.Limit.from(1)))
        .map(last -> last.isEmpty() ? "0-0" : last.getFirst().getId())
        // Redis away: entries from now on (ids start with Redis' clock in milliseconds).
        .orElseGet(() -> clock.millis() + "-0");
  }

  @Override
  public boolean publish(List<Event> events) {
    String batch = json.writeValueAsString(events);
    XAddArgs trim =
        XAddArgs.Builder.minId(Long.toString(clock.millis() - retention.toMillis()))
            .approximateTrimming();
    return redis.call(c -> c.xadd(stream, trim, Map.of(FIELD, batch))).isPresent();
  }

  @Override
  public synchronized void follow(String from, Consumer<List<Event>> each) {
    if (follower != null) {
      throw new IllegalStateException("the statistics feed is followed already");
    }
    follower =
        Thread.ofPlatform().name("fanshelf-stats-feed").daemon().start(() -> run(from, each));
  }

  private void run(String from, Consumer<List<Event>> each) {
    String last = from;
    StatefulRedisConnection<String, String> connection = null;
    while (running) {
      try {
        if (connection == null) {
          connection = redis.openBlocking(BLOCK);
        }
        @SuppressWarnings("unchecked") // one offset through Lettuce's generic varargs
        List<StreamMessage<String, String>> entries =
            connection
                .sync()
                .xread(
                    XReadArgs.Builder.count(500).block(BLOCK),
                    XReadArgs.StreamOffset.from(stream, last));
        for (StreamMessage<String, String> entry : entries) {
          last = entry.getId();
          String batch = entry.getBody().get(FIELD);
          if (batch != null) {
            each.accept(Arrays.asList(json.readValue(batch, Event[].class)));
          }
        }
      } catch (RuntimeException e) {
        if (!running) {
          break;
        }
        LOG.warn("statistics feed: {}; retrying in 1 s", e.getMessage());
        if (connection != null) {
          connection.close();
          connection = null;
        }
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (connection != null) {
      connection.close();
    }
  }

  @Override
  public void close() {
    running = false;
    Thread thread;
    synchronized (this) {
      thread = follower;
    }
    if (thread != null) {
      try {
        thread.join(BLOCK.multipliedBy(3).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
