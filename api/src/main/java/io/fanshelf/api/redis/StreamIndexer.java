package io.fanshelf.api.redis;

import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Stores the event stream into this node's indexer: {@code consumers} threads read as consumers
 * {@code <node id>}, {@code <node id>-2} ... of the consumer group, each taking up to {@code
 * batchEntries} entries at a time and storing them through {@code EventService.store} in one append
 * (one commit for many batches: per-batch commits are what kept the consumer behind the API),
 * idempotent by event id, then acknowledging them all, so delivery is at least once. On start, and
 * after any failure, a consumer first re-reads its own unacknowledged entries; every half {@code
 * claimIdle} it also claims entries another consumer of the group left unacknowledged for longer
 * than {@code claimIdle} (a node that died mid-batch). When the store refuses the joined append,
 * each entry is stored alone, and one it refuses (an id reused for a different event since it was
 * accepted) goes to the stream {@code <prefix>events:refused} with the reason and is acknowledged,
 * so it cannot block the rest. While Redis is unreachable it retries every second. Threads {@code
 * fanshelf-event-stream-N}.
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

  /**
   * How the consumers read.
   *
   * @param consumers threads, each a consumer of the group (1 to 32)
   * @param batchEntries stream entries one read takes and one append stores (1 to 10,000)
   * @param claimIdle how long an entry another consumer holds waits before it is taken over
   */
  public record Options(int consumers, int batchEntries, Duration claimIdle) {
    public Options {
      if (consumers < 1 || consumers > 32) {
        throw new IllegalArgumentException("consumers must be 1 to 32, got " + consumers);
      }
      if (batchEntries < 1 || batchEntries > 10_000) {
        throw new IllegalArgumentException("batch entries must be 1 to 10000, got " + batchEntries);
      }
    }
  }

  private final RedisLink redis;
  private final BatchStore events;
  private final ObjectMapper json;
  private final String stream;
  private final Options options;
  private final List<Worker> workers = new ArrayList<>();
  private final AtomicLong stored = new AtomicLong();
  private volatile boolean running = true;

  public StreamIndexer(
      RedisLink redis,
      BatchStore events,
      ObjectMapper json,
      String group,
      String node,
      Options options) {
    this.redis = redis;
    this.events = events;
    this.json = json;
    this.options = options;
    this.stream = redis.key(RedisEventQueue.STREAM);
    for (int n = 1; n <= options.consumers(); n++) {
      // The first keeps the node's own name, so entries a one-consumer node left pending are its.
      workers.add(new Worker(Consumer.from(group, n == 1 ? node : node + "-" + n), n));
    }
  }

  public StreamIndexer start() {
    workers.forEach(worker -> worker.thread.start());
    return this;
  }

  /** Stream entries (batches) stored by this node since it started. */
  public long storedBatches() {
    return stored.get();
  }

  /** One consumer of the group on its own thread and connection. */
  private final class Worker {
    private final Consumer<String> consumer;
    private final Thread thread;
    private volatile StatefulRedisConnection<String, String> connection;

    Worker(Consumer<String> consumer, int n) {
      this.consumer = consumer;
      this.thread =
          Thread.ofPlatform().name("fanshelf-event-stream-" + n).daemon().unstarted(this::run);
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
                read(
                    commands,
                    XReadArgs.Builder.count(options.batchEntries()),
                    XReadArgs.StreamOffset.from(stream, "0"));
            handle(commands, pending);
            pendingFirst = !pending.isEmpty();
            continue;
          }
          if (System.nanoTime() - nextClaim > 0) {
            claimAbandoned(commands);
            nextClaim = System.nanoTime() + options.claimIdle().dividedBy(2).toNanos();
          }
          handle(
              commands,
              read(
                  commands,
                  XReadArgs.Builder.count(options.batchEntries()).block(BLOCK),
                  XReadArgs.StreamOffset.lastConsumed(stream)));
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
      handle(
          commands,
          commands
              .xautoclaim(
                  stream,
                  XAutoClaimArgs.Builder.xautoclaim(consumer, options.claimIdle(), "0-0")
                      .count(options.batchEntries()))
              .getMessages());
    }

    /** Stores the entries (all in one append when the store takes them), then acknowledges them. */
    private void handle(
        RedisCommands<String, String> commands, List<StreamMessage<String, String>> messages) {
      if (messages.isEmpty()) {
        return;
      }
      List<Entry> entries = new ArrayList<>();
      for (StreamMessage<String, String> message : messages) {
        entries.add(parse(commands, message));
      }
      List<Entry> batches = entries.stream().filter(entry -> entry.events().isPresent()).toList();
      Optional<List<Event>> joined = join(batches);
      boolean storedJoined = false;
      if (joined.isPresent() && batches.size() > 1) {
        try {
          events.store(joined.get());
          storedJoined = true;
        } catch (ImportRejectedException e) {
          // Some entry the store refuses: find it by storing each alone.
        } catch (IOException e) {
          throw notStored(batches, e);
        }
      }
      for (Entry entry : storedJoined ? List.<Entry>of() : batches) {
        storeAlone(commands, entry);
      }
      stored.addAndGet(batches.size());
      commands.xack(
          stream,
          consumer.getGroup(),
          messages.stream().map(StreamMessage::getId).toArray(String[]::new));
    }

    private void storeAlone(RedisCommands<String, String> commands, Entry entry) {
      try {
        events.store(entry.events().orElseThrow());
      } catch (ImportRejectedException e) {
        setAside(commands, entry.message(), e.getMessage());
      } catch (IOException e) {
        throw notStored(List.of(entry), e);
      }
    }

    private Entry parse(RedisCommands<String, String> commands, StreamMessage<String, String> m) {
      Map<String, String> body = m.getBody();
      String batch = body == null ? null : body.get(RedisEventQueue.FIELD);
      if (batch == null) {
        LOG.error(
            "event stream entry {} was trimmed before this node stored it: its events are missing"
                + " from this node's store (fanshelf.redis.stream-retention is shorter than the"
                + " outage)",
            m.getId());
        return new Entry(m, Optional.empty());
      }
      try {
        return new Entry(m, Optional.of(Arrays.asList(json.readValue(batch, Event[].class))));
      } catch (JacksonException e) {
        setAside(commands, m, e.getMessage());
        return new Entry(m, Optional.empty());
      }
    }

    private void setAside(
        RedisCommands<String, String> commands, StreamMessage<String, String> m, String reason) {
      LOG.error("event stream entry {} refused, moved to events:refused: {}", m.getId(), reason);
      commands.xadd(
          redis.key(RedisEventQueue.STREAM + ":refused"),
          Map.of(
              "entry",
              m.getId(),
              RedisEventQueue.FIELD,
              m.getBody().get(RedisEventQueue.FIELD),
              "reason",
              String.valueOf(reason)));
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
  }

  /** A stream entry and its events (empty: trimmed or unreadable, nothing to store). */
  private record Entry(StreamMessage<String, String> message, Optional<List<Event>> events) {}

  /**
   * The events of all entries as one append; repeats of an event (a batch sent twice) once. Empty
   * when two entries use one id for different events: the store must judge each entry alone then.
   */
  private static Optional<List<Event>> join(List<Entry> entries) {
    Map<EventId, Event> joined = new LinkedHashMap<>();
    for (Entry entry : entries) {
      for (Event event : entry.events().orElseThrow()) {
        Event earlier = joined.putIfAbsent(event.id(), event);
        if (earlier != null && !earlier.equals(event)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(List.copyOf(joined.values()));
  }

  private static StoreFailed notStored(List<Entry> entries, IOException e) {
    // Not acknowledged: read again after the pause.
    return new StoreFailed(
        entries.size()
            + " entries from "
            + entries.getFirst().message().getId()
            + " not stored: "
            + e.getMessage(),
        e);
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
    workers.forEach(worker -> worker.thread.interrupt());
    for (Worker worker : workers) {
      try {
        worker.thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      worker.closeConnection();
    }
  }

  /** The indexer could not store a batch (disk, store): it stays pending and is retried. */
  private static final class StoreFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
