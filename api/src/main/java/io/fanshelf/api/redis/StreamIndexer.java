package io.fanshelf.api.redis;

import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.Event;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Stores the event stream into this node's indexer: reads as consumer {@code <node id>} of the
 * consumer group, stores each batch through {@code EventService.store} (idempotent by event id) and
 * acknowledges it only then, so delivery is at least once. On start, and after any failure, it
 * first re-reads its own unacknowledged entries; every half {@code claimIdle} it also claims
 * entries another consumer of the group left unacknowledged for longer than {@code claimIdle} (a
 * node that died mid-batch). A batch the indexer refuses (an id reused for a different event since
 * it was accepted) goes to the stream {@code <prefix>events:refused} with the reason and is
 * acknowledged, so it cannot block the rest. While Redis is unreachable it retries every second.
 * One thread, {@code fanshelf-event-stream}.
 */
public final class StreamIndexer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamIndexer.class);

  /** How long an entry another consumer left unacknowledged waits before this one takes it. */
  public static final Duration CLAIM_IDLE = Duration.ofMinutes(1);

  // How long one read waits for new entries: short, so that closing the consumer is quick.
  private static final Duration BLOCK = Duration.ofSeconds(1);

  /** Where stream batches go: {@link EventService#store} in the service. */
  @FunctionalInterface
  public interface BatchStore {
    void store(List<Event> events) throws ImportRejectedException, IOException;
  }

  private final RedisLink redis;
  private final BatchStore events;
  private final Duration claimIdle;
  private final ObjectMapper json;
  private final String stream;
  private final Consumer<String> consumer;
  private final Thread thread;
  private final AtomicLong stored = new AtomicLong();
  private volatile boolean running = true;
  private volatile StatefulRedisConnection<String, String> connection;

  public StreamIndexer(
      RedisLink redis,
      BatchStore events,
      ObjectMapper json,
      String group,
      String node,
      Duration claimIdle) {
    this.redis = redis;
    this.events = events;
    this.claimIdle = claimIdle;
    this.json = json;
    this.stream = redis.key(RedisEventQueue.STREAM);
    this.consumer = Consumer.from(group, node);
    this.thread = Thread.ofPlatform().name("fanshelf-event-stream").daemon().unstarted(this::run);
  }

  public StreamIndexer start() {
    thread.start();
    return this;
  }

  /** Batches stored from the stream by this node since it started. */
  public long storedBatches() {
    return stored.get();
  }

  private void run() {
    boolean pendingFirst = true;
    long nextClaim = 0;
    while (running) {
      try {
        if (connection == null) {
          connection = redis.openBlocking(BLOCK);
          createGroup(connection.sync());
          pendingFirst = true;
        }
        RedisCommands<String, String> commands = connection.sync();
        if (pendingFirst) {
          // "0": this consumer's delivered but unacknowledged entries (it died or failed
          // mid-batch).
          List<StreamMessage<String, String>> pending =
              read(commands, XReadArgs.Builder.count(16), XReadArgs.StreamOffset.from(stream, "0"));
          pending.forEach(message -> handle(commands, message));
          pendingFirst = !pending.isEmpty();
          continue;
        }
        if (System.nanoTime() - nextClaim > 0) {
          claimAbandoned(commands);
          nextClaim = System.nanoTime() + claimIdle.dividedBy(2).toNanos();
        }
        read(
                commands,
                XReadArgs.Builder.count(16).block(BLOCK),
                XReadArgs.StreamOffset.lastConsumed(stream))
            .forEach(message -> handle(commands, message));
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warn("event stream: {}; retrying in 1 s", e.getMessage());
        closeConnection();
        pause();
      }
    }
  }

  @SuppressWarnings("unchecked") // one offset through Lettuce's generic varargs
  private List<StreamMessage<String, String>> read(
      RedisCommands<String, String> commands,
      XReadArgs args,
      XReadArgs.StreamOffset<String> offset) {
    return commands.xreadgroup(consumer, args, offset);
  }

  private void createGroup(RedisCommands<String, String> commands) {
    try {
      // From the start of the stream: a new node's store gets what the stream still holds.
      commands.xgroupCreate(
          XReadArgs.StreamOffset.from(stream, "0"),
          consumer.getGroup(),
          XGroupCreateArgs.Builder.mkstream());
    } catch (RedisBusyException e) {
      // The group exists: carry on from where it is.
    }
  }

  private void claimAbandoned(RedisCommands<String, String> commands) {
    ClaimedMessages<String, String> claimed =
        commands.xautoclaim(
            stream, XAutoClaimArgs.Builder.xautoclaim(consumer, claimIdle, "0-0").count(64));
    claimed.getMessages().forEach(message -> handle(commands, message));
  }

  private void handle(RedisCommands<String, String> commands, StreamMessage<String, String> m) {
    Map<String, String> body = m.getBody();
    String batch = body == null ? null : body.get(RedisEventQueue.FIELD);
    if (batch != null) {
      try {
        List<Event> parsed = Arrays.asList(json.readValue(batch, Event[].class));
        events.store(parsed);
        stored.incrementAndGet();
      } catch (ImportRejectedException | JacksonException e) {
        LOG.error(
            "event stream entry {} refused, moved to events:refused: {}",
            m.getId(),
            e.getMessage());
        commands.xadd(
            redis.key(RedisEventQueue.STREAM + ":refused"),
            Map.of(
                "entry",
                m.getId(),
                RedisEventQueue.FIELD,
                batch,
                "reason",
                String.valueOf(e.getMessage())));
      } catch (IOException e) {
        // Not acknowledged: read again after the pause.
        throw new StoreFailed("entry " + m.getId() + " not stored: " + e.getMessage(), e);
      }
    }
    if (batch == null) {
      LOG.error(
          "event stream entry {} was trimmed before this node stored it: its events are missing"
              + " from this node's store (fanshelf.redis.stream-retention is shorter than the"
              + " outage)",
          m.getId());
    }
    commands.xack(stream, consumer.getGroup(), m.getId());
  }

  private void closeConnection() {
    StatefulRedisConnection<String, String> current = connection;
    connection = null;
    if (current != null) {
      try {
        current.close();
      } catch (RuntimeException e) {
        LOG.debug("closing the stream connection: {}", e.getMessage());
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeConnection();
  }

  /** The indexer could not store a batch (disk, store): it stays pending and is retried. */
  private static final class StoreFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
