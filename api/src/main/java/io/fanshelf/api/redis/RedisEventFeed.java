package io.fanshelf.api.redis;

import io.fanshelf.indexer.model.Event;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * A feed on a Redis stream that every node reads whole and in order (no consumer group), its own
 * entries included: one entry per stored batch of events, and a recount entry after an import,
 * trimmed by age like the event stream ({@code fanshelf.redis.stream-retention}). Entry ids are the
 * positions a shared snapshot is taken at. Two feeds are kept this way: the aggregates feed, {@code
 * <prefix>aggregates} (positive events, {@link SharedAggregates}, thread {@code
 * fanshelf-aggregates-feed}), and the statistics feed, {@code <prefix>stats} (events the owner
 * statistics or the funnel count, {@link RedisStatsFeed}, thread {@code fanshelf-stats-feed}).
 * Thread-safe.
 */
public final class RedisEventFeed implements AutoCloseable {
  static final String AGGREGATES = "aggregates";
  static final String STATISTICS = "stats";
  private static final Logger LOG = LoggerFactory.getLogger(RedisEventFeed.class);
  private static final String EVENTS = "events";
  private static final String RECOUNT = "recount";
  private static final Duration BLOCK = Duration.ofSeconds(1);
  private static final int READ = 500;

  /** One entry at a position: stored events to count, or a recount after an import. */
  public record Entry(String position, List<Event> events, boolean recount) {}

  private final RedisLink redis;
  private final ObjectMapper json;
  private final Duration retention;
  private final Clock clock;
  private final String name;
  private final String stream;
  private final String counted;
  // The marks of the recount entries this process wrote: its own import recounts already.
  private final Set<String> ownRecounts = ConcurrentHashMap.newKeySet();
  private volatile boolean running = true;
  private Thread follower;

  private RedisEventFeed(
      RedisLink redis,
      ObjectMapper json,
      Duration retention,
      Clock clock,
      String name,
      String counted) {
    this.redis = redis;
    this.json = json;
    this.retention = retention;
    this.clock = clock;
    this.name = name;
    this.stream = redis.key(name);
    this.counted = counted;
  }

  /** The aggregates feed, {@code <prefix>aggregates}. */
  public static RedisEventFeed aggregates(
      RedisLink redis, ObjectMapper json, Duration retention, Clock clock) {
    return new RedisEventFeed(redis, json, retention, clock, AGGREGATES, "aggregates");
  }

  /** The statistics feed, {@code <prefix>stats}. */
  static RedisEventFeed statistics(
      RedisLink redis, ObjectMapper json, Duration retention, Clock clock) {
    return new RedisEventFeed(redis, json, retention, clock, STATISTICS, "owner statistics");
  }

  /** The id of the stream's last entry ("0-0" when empty); empty while Redis is away. */
  public Optional<String> position() {
    return RedisStreams.end(redis, stream);
  }

  /** Whether the feed still holds every entry after {@code position}; empty while Redis is away. */
  public Optional<Boolean> holdsAllAfter(String position) {
    return RedisStreams.holdsAllAfter(redis, stream, position);
  }

  /** Adds one entry of events; false when Redis did not take it. */
  public boolean publish(List<Event> stored) {
    return add(EVENTS, json.writeValueAsString(stored)).isPresent();
  }

  /** Adds a recount entry (after an import); false when Redis did not take it. */
  public boolean recount() {
    // Known as this process' own before the follower can read it.
    String mark = UUID.randomUUID().toString();
    ownRecounts.add(mark);
    return add(RECOUNT, mark).isPresent();
  }

  private Optional<String> add(String field, String value) {
    XAddArgs trim =
        XAddArgs.Builder.minId(Long.toString(clock.millis() - retention.toMillis()))
            .approximateTrimming();
    return redis.call(c -> c.xadd(stream, trim, Map.of(field, value)));
  }

  /** Up to {@code READ} entries after {@code from}, without waiting; empty while Redis is away. */
  public Optional<List<Entry>> after(String from) {
    return redis.call(c -> entries(read(c, XReadArgs.Builder.count(READ), from)));
  }

  /** Hands every entry after {@code from} to {@code each}, in order, on a thread of its own. */
  public synchronized void follow(String from, Consumer<Entry> each) {
    if (follower != null) {
      throw new IllegalStateException("the " + name + " feed is followed already");
    }
    follower =
        Thread.ofPlatform()
            .name("fanshelf-" + name + "-feed")
            .daemon()
            .start(() -> run(from, each));
  }

  private void run(String from, Consumer<Entry> each) {
    String last = from;
    StatefulRedisConnection<String, String> connection = null;
    while (running) {
      try {
        if (connection == null) {
          connection = redis.openBlocking(BLOCK);
          if (!holdsAllAfter(last).orElse(true)) {
            LOG.error(
                "{} feed entries after {} were trimmed before this node counted them (away from"
                    + " Redis longer than fanshelf.redis.stream-retention): its {} miss them until"
                    + " it starts again",
                name,
                last,
                counted);
          }
        }
        for (Entry entry :
            entries(read(connection.sync(), XReadArgs.Builder.count(READ).block(BLOCK), last))) {
          each.accept(entry);
          last = entry.position();
        }
      } catch (RuntimeException e) {
        if (!running) {
          break;
        }
        LOG.warn("{} feed after {}: {}; retrying in 1 s", name, last, e.getMessage());
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

  @SuppressWarnings("unchecked") // one offset through Lettuce's generic varargs
  private List<StreamMessage<String, String>> read(
      RedisCommands<String, String> commands, XReadArgs args, String from) {
    return commands.xread(args, XReadArgs.StreamOffset.from(stream, from));
  }

  private List<Entry> entries(List<StreamMessage<String, String>> messages) {
    List<Entry> entries = new ArrayList<>(messages.size());
    for (StreamMessage<String, String> message : messages) {
      String batch = message.getBody().get(EVENTS);
      if (batch != null) {
        entries.add(
            new Entry(message.getId(), Arrays.asList(json.readValue(batch, Event[].class)), false));
      } else if (message.getBody().containsKey(RECOUNT)) {
        boolean own = ownRecounts.contains(message.getBody().get(RECOUNT));
        entries.add(new Entry(message.getId(), List.of(), !own));
      }
    }
    return entries;
  }

  /** Stops following; idempotent. */
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
