package io.fanshelf.api.redis;

import io.fanshelf.indexer.AggregatesFeed;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.aggregate.SnapshotInfo;
import io.fanshelf.indexer.aggregate.SnapshotRefusedException;
import io.fanshelf.indexer.model.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One aggregates truth for the API nodes of a shared store: the node that stores a batch publishes
 * its positive events to the {@link RedisEventFeed}, and every node, itself included, counts them
 * from there in feed order; an import is followed by a recount entry that makes every other node
 * count the store again. A starting node loads the newest {@link RedisSnapshots shared snapshot}
 * and counts only the feed entries after its position; when there is none, or it is refused
 * (corrupt, of another format or settings, of another store, past the feed's end, or older than
 * what the feed still holds), it says why and counts the whole events index, noting the feed's
 * position first and following it from there. Every {@code every} one node (the first to take the
 * turn in Redis) writes the shared snapshot in the background (thread {@code
 * fanshelf-aggregates-snapshot}), with the feed position its aggregates include. Thread-safe.
 */
public final class SharedAggregates implements AggregatesFeed {
  private static final Logger LOG = LoggerFactory.getLogger(SharedAggregates.class);

  private final RedisEventFeed feed;
  private final RedisSnapshots snapshots;
  private final String node;
  private final Duration every;
  private final Path work;
  private final Clock clock;
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("fanshelf-aggregates-snapshot").factory());
  private Indexer indexer;
  // The last feed entry the aggregates include; guarded by this.
  private String applied;
  private volatile boolean loggedAlone;
  private volatile Optional<String> startedFrom = Optional.empty();

  /**
   * @param every how often a node writes the shared snapshot; zero: never
   * @param work a directory of this node for the snapshot file while it is read or written
   */
  public SharedAggregates(
      RedisEventFeed feed,
      RedisSnapshots snapshots,
      String node,
      Duration every,
      Path work,
      Clock clock) {
    this.feed = feed;
    this.snapshots = snapshots;
    this.node = node;
    this.every = every;
    this.work = work;
    this.clock = clock;
  }

  @Override
  public void start(Indexer opened) throws IOException {
    this.indexer = opened;
    Files.createDirectories(work);
    long started = System.nanoTime();
    // Noted before the count: what is stored meanwhile arrives through the feed. Redis away: what
    // is published from now on (entry ids start with Redis' clock in milliseconds).
    String noted = feed.position().orElseGet(() -> clock.millis() + "-0");
    Optional<String> loaded;
    try {
      loaded = load(noted);
    } catch (SnapshotRefusedException e) {
      LOG.warn(
          "the shared aggregates snapshot is refused ({}); counting the whole events index",
          e.getMessage());
      loaded = Optional.empty();
    }
    String from;
    if (loaded.isPresent()) {
      from = loaded.get();
      startedFrom = Optional.of(from);
    } else {
      indexer.rebuildAggregates();
      from = noted;
      LOG.info(
          "aggregates counted from the whole events index in {} ms; following the feed after {}",
          (System.nanoTime() - started) / 1_000_000,
          noted);
    }
    synchronized (this) {
      applied = from;
    }
    feed.follow(from, this::apply);
    if (every.isPositive()) {
      long millis = every.toMillis();
      writer.scheduleWithFixedDelay(this::writeQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Serves the shared snapshot and the feed entries after it; the position reached, or empty when
   * there is no snapshot.
   */
  private Optional<String> load(String feedEnd) throws IOException {
    long started = System.nanoTime();
    Path file = work.resolve("received.fsagg");
    Files.deleteIfExists(file);
    try {
      Optional<RedisSnapshots.Meta> found =
          snapshots.read(file, indexer.store().describe(), feedEnd);
      if (found.isEmpty()) {
        LOG.info("no shared aggregates snapshot yet; counting the whole events index");
        return Optional.empty();
      }
      RedisSnapshots.Meta meta = found.get();
      indexer.loadAggregatesSnapshot(
          file,
          info -> {
            if (!info.lastEventId().equals(meta.position())) {
              throw new SnapshotRefusedException(
                  "its file is of feed position "
                      + info.lastEventId()
                      + ", its description says "
                      + meta.position());
            }
          });
      long loadedAt = System.nanoTime();
      String last = meta.position();
      long entries = 0;
      long events = 0;
      for (List<RedisEventFeed.Entry> batch = tail(last); !batch.isEmpty(); batch = tail(last)) {
        for (RedisEventFeed.Entry entry : batch) {
          apply(entry);
          last = entry.position();
          entries++;
          events += entry.events().size();
        }
      }
      LOG.info(
          "aggregates loaded from the shared snapshot (feed position {}, written {} by {}, {} MB)"
              + " in {} ms, then {} feed entries ({} events) after it in {} ms; no events counted"
              + " from the store",
          meta.position(),
          meta.created(),
          meta.node(),
          meta.bytes() / 1_000_000,
          (loadedAt - started) / 1_000_000,
          entries,
          events,
          (System.nanoTime() - loadedAt) / 1_000_000);
      return Optional.of(last);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private List<RedisEventFeed.Entry> tail(String after) throws SnapshotRefusedException {
    return feed.after(after)
        .orElseThrow(
            () -> new SnapshotRefusedException("Redis went away while the feed was replayed"));
  }

  /**
   * The feed position this node's start reached from the shared snapshot and the entries after it;
   * empty when it counted the whole events index instead.
   */
  public Optional<String> startedFromSnapshot() {
    return startedFrom;
  }

  /** Counts one feed entry; the feed's thread, and the replay at start. */
  private synchronized void apply(RedisEventFeed.Entry entry) {
    if (entry.recount()) {
      LOG.info(
          "feed entry {}: an import on another node; counting the aggregates again",
          entry.position());
      indexer.recountAggregates();
    } else if (!entry.events().isEmpty()) {
      indexer.countFedEvents(entry.events());
    }
    applied = entry.position();
  }

  @Override
  public boolean publish(List<Event> stored) {
    return feed.publish(stored);
  }

  @Override
  public boolean recount() {
    return feed.recount();
  }

  /**
   * Writes the shared snapshot if it is this node's turn: the aggregates and the feed position they
   * include taken together (no entry is counted meanwhile), then stored in Redis. Skipped when this
   * node counted events the feed never had (Redis was away), or a recount is pending.
   */
  void write() throws IOException {
    if (indexer.eventsCountedAlone() > 0) {
      if (!loggedAlone) {
        loggedAlone = true;
        LOG.warn(
            "this node counted {} events the aggregates feed never had (Redis was away): it no"
                + " longer writes the shared snapshot until it restarts",
            indexer.eventsCountedAlone());
      }
      return;
    }
    if (!snapshots.turn(node, every)) {
      return;
    }
    long started = System.nanoTime();
    Path file = work.resolve("written.fsagg");
    Files.deleteIfExists(file);
    try {
      String position;
      boolean written;
      synchronized (this) {
        position = applied;
        long millis = Long.parseLong(position.substring(0, position.indexOf('-')));
        written =
            indexer.writeAggregatesSnapshot(
                file, new SnapshotInfo(millis, position, clock.instant()));
      }
      if (written && snapshots.write(file, position, indexer.store().describe(), node)) {
        LOG.info(
            "shared aggregates snapshot written at feed position {} ({} MB) in {} ms",
            position,
            Files.size(file) / 1_000_000,
            (System.nanoTime() - started) / 1_000_000);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private void writeQuietly() {
    try {
      write();
    } catch (IOException | RuntimeException e) {
      LOG.error("writing the shared aggregates snapshot failed; the next turn tries again", e);
    }
  }

  /** Stops the schedule (a write under way finishes) and the feed. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    feed.close();
  }
}
