package io.fanshelf.api.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.PendingMessages;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What of the event stream this node's consumer group has not stored yet: the entries waiting
 * (delivered but unacknowledged, plus not yet delivered) and the age of the oldest of them, by
 * Redis' own clock, as entry ids carry the time Redis added them. Measured every {@link #EVERY} on
 * thread {@code fanshelf-stream-backlog}; {@link RedisEventQueue} refuses new batches while it is
 * over the configured bound, and the health endpoint reports it. Thread-safe.
 */
public final class StreamBacklog implements Closeable {
  /** How often the backlog is measured: the bound is enforced this late at most. */
  static final Duration EVERY = Duration.ofMillis(250);

  /**
   * One measurement.
   *
   * @param entries stream entries not stored yet (pending plus undelivered; the undelivered part as
   *     Redis counts the group's lag, left out when Redis cannot tell)
   * @param oldest how long the oldest of them has waited; zero when none waits
   * @param measuredAt when, by this node's clock
   */
  public record Backlog(long entries, Duration oldest, Instant measuredAt) {}

  private final RedisLink redis;
  private final String stream;
  private final String group;
  private final ScheduledExecutorService measuring;
  private volatile Optional<Backlog> current = Optional.empty();

  /** Measures {@code group}'s backlog from now on. */
  public StreamBacklog(RedisLink redis, String group) {
    this.redis = redis;
    this.stream = redis.key(RedisEventQueue.STREAM);
    this.group = group;
    this.measuring =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "fanshelf-stream-backlog");
              thread.setDaemon(true);
              return thread;
            });
    measuring.scheduleWithFixedDelay(this::measure, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The latest measurement; empty while Redis is unreachable or before the first one. */
  public Optional<Backlog> current() {
    return current;
  }

  private void measure() {
    current = redis.call(this::measureWith);
  }

  private Backlog measureWith(RedisCommands<String, String> commands) {
    List<String> time = commands.time();
    long nowMillis = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
    Optional<GroupInfo> info = groupInfo(commands);
    if (info.isEmpty()) {
      // No stream yet, or the consumer has not created its group: nothing is waiting for it.
      return new Backlog(0, Duration.ZERO, Instant.now());
    }
    PendingMessages pending = commands.xpending(stream, group);
    long oldestMillis = Long.MAX_VALUE;
    if (pending.getCount() > 0) {
      oldestMillis = millisOf(pending.getMessageIds().getLower().getValue());
    }
    List<StreamMessage<String, String>> firstUndelivered =
        commands.xrange(
            stream,
            Range.from(
                Range.Boundary.excluding(info.get().lastDelivered()), Range.Boundary.unbounded()),
            Limit.from(1));
    if (!firstUndelivered.isEmpty()) {
      oldestMillis = Math.min(oldestMillis, millisOf(firstUndelivered.getFirst().getId()));
    }
    Duration oldest =
        oldestMillis == Long.MAX_VALUE
            ? Duration.ZERO
            : Duration.ofMillis(Math.max(0, nowMillis - oldestMillis));
    return new Backlog(pending.getCount() + info.get().lag(), oldest, Instant.now());
  }

  private record GroupInfo(String lastDelivered, long lag) {}

  /** XINFO GROUPS, for this group: the last entry it was given and how many follow (lag). */
  private Optional<GroupInfo> groupInfo(RedisCommands<String, String> commands) {
    List<Object> groups;
    try {
      groups = commands.xinfoGroups(stream);
    } catch (RedisException e) {
      if (String.valueOf(e.getMessage()).contains("no such key")) {
        return Optional.empty();
      }
      throw e;
    }
    for (Object entry : groups) {
      List<?> fields = (List<?>) entry;
      String name = null;
      String lastDelivered = null;
      long lag = 0;
      for (int i = 0; i + 1 < fields.size(); i += 2) {
        Object value = fields.get(i + 1);
        switch (String.valueOf(fields.get(i))) {
          case "name" -> name = String.valueOf(value);
          case "last-delivered-id" -> lastDelivered = String.valueOf(value);
          // Null when Redis cannot count it (entries deleted by id, which FanShelf never does).
          case "lag" -> lag = value instanceof Long count ? count : 0;
          default -> {}
        }
      }
      if (group.equals(name) && lastDelivered != null) {
        return Optional.of(new GroupInfo(lastDelivered, lag));
      }
    }
    return Optional.empty();
  }

  /** An entry id is {@code <milliseconds>-<sequence>}, the milliseconds by Redis' clock. */
  private static long millisOf(String entryId) {
    int dash = entryId.indexOf('-');
    return Long.parseLong(dash < 0 ? entryId : entryId.substring(0, dash));
  }

  @Override
  public void close() {
    measuring.shutdownNow();
  }
}
