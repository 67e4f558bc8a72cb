package io.fanshelf.api.redis;

import io.fanshelf.api.owner.StatsFeed;
import io.fanshelf.indexer.aggregate.SnapshotRefusedException;
import io.fanshelf.indexer.model.Event;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Path;
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
 * The statistics feed on a Redis stream, {@code <prefix>stats}: one entry per stored batch of
 * attributed events, and a recount entry after an import, trimmed by age like the event stream
 * ({@code fanshelf.redis.stream-retention}); every node reads all of it (no consumer group) on
 * thread {@code fanshelf-stats-feed}. A node away longer than the retention misses entries (an
 * error says so when it reconnects); its next start catches up from the shared snapshot or the
 * store. The shared statistics snapshot is kept beside it by {@link RedisSnapshots} ({@code
 * <prefix>stats:snapshot}). Thread-safe.
 */
public final class RedisStatsFeed implements StatsFeed {
  static final String STREAM = "stats";
  private static final Logger LOG = LoggerFactory.getLogger(RedisStatsFeed.class);
  private static final String FIELD = "events";
  private static final String RECOUNT = "recount";
  private static final Duration BLOCK = Duration.ofSeconds(1);
  private static final int READ = 500;

  private final RedisLink redis;
  private final ObjectMapper json;
  private final Duration retention;
  private final Clock clock;
  private final String stream;
  private final RedisSnapshots snapshots;
  private final String node;
  // The marks of the recount entries this process wrote: its own import recounts already.
  private final Set<String> ownRecounts = ConcurrentHashMap.newKeySet();
  private volatile boolean running = true;
  private Thread follower;

  /**
   * @param node this node, named as the writer of the snapshots it stores
   */
  public RedisStatsFeed(
      RedisLink redis, ObjectMapper json, Duration retention, Clock clock, String node) {
    this.redis = redis;
    this.json = json;
    this.retention = retention;
    this.clock = clock;
    this.stream = redis.key(STREAM);
    this.snapshots = new RedisSnapshots(redis, STREAM);
    this.node = node;
  }

  @Override
  public int compare(String a, String b) {
    return RedisStreams.compare(a, b);
  }

  @Override
  public String position() {
    return RedisStreams.end(redis, stream)
        // Redis away: entries from now on (ids start with Redis' clock in milliseconds).
        .orElseGet(() -> clock.millis() + "-0");
  }

  @Override
  public boolean publish(List<Event> events) {
    return add(FIELD, json.writeValueAsString(events));
  }

  @Override
  public boolean recount() {
    // Known as this process' own before the follower can read it.
    String mark = UUID.randomUUID().toString();
    ownRecounts.add(mark);
    return add(RECOUNT, mark);
  }

  private boolean add(String field, String value) {
    XAddArgs trim =
        XAddArgs.Builder.minId(Long.toString(clock.millis() - retention.toMillis()))
            .approximateTrimming();
    return redis.call(c -> c.xadd(stream, trim, Map.of(field, value))).isPresent();
  }

  @Override
  public List<Entry> after(String from) throws SnapshotRefusedException {
    return redis
        .call(c -> entries(read(c, XReadArgs.Builder.count(READ), from)))
        .orElseThrow(
            () -> new SnapshotRefusedException("Redis went away while the feed was replayed"));
  }

  @Override
  public Optional<Snapshot> readSnapshot(Path into, String store, String feedEnd)
      throws IOException {
    return snapshots
        .read(into, store, feedEnd)
        .map(meta -> new Snapshot(meta.position(), meta.node(), meta.created(), meta.bytes()));
  }

  @Override
  public boolean snapshotTurn(Duration every) {
    return snapshots.turn(node, every);
  }

  @Override
  public boolean writeSnapshot(Path file, String position, String store) throws IOException {
    return snapshots.write(file, position, store, node);
  }

  @Override
  public synchronized void follow(String from, Consumer<Entry> each) {
    if (follower != null) {
      throw new IllegalStateException("the statistics feed is followed already");
    }
    follower =
        Thread.ofPlatform().name("fanshelf-stats-feed").daemon().start(() -> run(from, each));
  }

  private void run(String from, Consumer<Entry> each) {
    String last = from;
    StatefulRedisConnection<String, String> connection = null;
    while (running) {
      try {
        if (connection == null) {
          connection = redis.openBlocking(BLOCK);
          if (!RedisStreams.holdsAllAfter(redis, stream, last).orElse(true)) {
            LOG.error(
                "statistics feed entries after {} were trimmed before this node counted them"
                    + " (away from Redis longer than fanshelf.redis.stream-retention): its owner"
                    + " statistics miss them until it starts again",
                last);
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

  @SuppressWarnings("unchecked") // one offset through Lettuce's generic varargs
  private List<StreamMessage<String, String>> read(
      RedisCommands<String, String> commands, XReadArgs args, String from) {
    return commands.xread(args, XReadArgs.StreamOffset.from(stream, from));
  }

  private List<Entry> entries(List<StreamMessage<String, String>> messages) {
    List<Entry> entries = new ArrayList<>(messages.size());
    for (StreamMessage<String, String> message : messages) {
      String batch = message.getBody().get(FIELD);
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
