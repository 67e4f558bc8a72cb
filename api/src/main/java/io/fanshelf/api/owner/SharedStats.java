package io.fanshelf.api.owner;

import io.fanshelf.api.event.StoringGate;
import io.fanshelf.api.funnel.FunnelLedger;
import io.fanshelf.indexer.aggregate.SnapshotRefusedException;
import io.fanshelf.indexer.model.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner statistics and the funnel of a node on a store shared with other nodes, counted from
 * the {@link StatsFeed} in its order, and the shared snapshot beside the feed: a start loads the
 * newest one and counts only the feed entries after its position; when there is none, or it is
 * refused (corrupt, of another format or attribution window, of another store, past the feed's end,
 * or older than what the feed still holds), it says why and the caller counts the whole events
 * index. One node per interval writes it (the first to take the turn). The snapshot is {@link
 * StatsSnapshots}' file, with the feed entry id as its event id and that id's milliseconds as its
 * position. Thread-safe: a feed entry, a recount and a snapshot write exclude each other (this
 * object's monitor, then the {@link StoringGate}).
 */
final class SharedStats {
  private static final Logger LOG = LoggerFactory.getLogger(SharedStats.class);

  /** Counts the whole events index into the statistics and the funnel, the intake held quiet. */
  interface StoreCount {
    void run() throws IOException;
  }

  private final StatsFeed feed;
  private final AttributedStats stats;
  private final FunnelLedger funnel;
  private final StoringGate gate;
  private final String store;
  private final Path work;
  private final StoreCount countStore;
  // The last feed entry the counts include, and the end of the feed the last store count noted
  // (entries up to it are in that count); guarded by this.
  private String applied;
  private String countedUpTo = "0-0";
  private volatile long countedAlone;
  private volatile boolean loggedAlone;

  /**
   * @param store this node's store ({@code StoreBackend.describe()}), which a snapshot must be of
   * @param work a directory of this node for the snapshot file while it is read or written
   */
  SharedStats(
      StatsFeed feed,
      AttributedStats stats,
      FunnelLedger funnel,
      StoringGate gate,
      String store,
      Path work,
      StoreCount countStore) {
    this.feed = feed;
    this.stats = stats;
    this.funnel = funnel;
    this.gate = gate;
    this.store = store;
    this.work = work;
    this.countStore = countStore;
  }

  /**
   * Loads the shared snapshot and the feed after it, or counts the store, then follows the feed;
   * true when it started from the snapshot.
   */
  boolean start() throws IOException {
    Files.createDirectories(work);
    long started = System.nanoTime();
    // Noted before the count: what is stored meanwhile arrives through the feed.
    String noted = feed.position();
    Optional<String> loaded;
    try {
      loaded = load(noted);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "the shared owner statistics snapshot is refused ({}); counting the whole events index",
          e.getMessage());
      stats.clear();
      funnel.clear();
      loaded = Optional.empty();
    }
    if (loaded.isEmpty()) {
      countStore.run();
      LOG.info(
          "owner statistics counted from the whole events index in {} ms; following the feed"
              + " after {}",
          (System.nanoTime() - started) / 1_000_000,
          noted);
    }
    String from = loaded.orElse(noted);
    synchronized (this) {
      applied = from;
    }
    feed.follow(from, this::applyQuietly);
    return loaded.isPresent();
  }

  /** The snapshot and the feed entries after it; the position reached, or empty without one. */
  private Optional<String> load(String feedEnd) throws IOException {
    long started = System.nanoTime();
    Path file = work.resolve("received.fsstats");
    Files.deleteIfExists(file);
    try {
      Optional<StatsFeed.Snapshot> found = feed.readSnapshot(file, store, feedEnd);
      if (found.isEmpty()) {
        LOG.info("no shared owner statistics snapshot yet; counting the whole events index");
        return Optional.empty();
      }
      StatsFeed.Snapshot snapshot = found.get();
      StatsSnapshots.read(
          file,
          StatsSnapshots.FORMAT,
          (position, id) -> {
            if (!id.equals(snapshot.position())) {
              throw new SnapshotRefusedException(
                  "its file is of feed position "
                      + id
                      + ", its description says "
                      + snapshot.position());
            }
          },
          stats,
          funnel);
      long loadedAt = System.nanoTime();
      String last = snapshot.position();
      long entries = 0;
      long events = 0;
      synchronized (this) {
        applied = last;
      }
      for (List<StatsFeed.Entry> batch = feed.after(last);
          !batch.isEmpty();
          batch = feed.after(last)) {
        for (StatsFeed.Entry entry : batch) {
          apply(entry);
          last = entry.position();
          entries++;
          events += entry.events().size();
        }
      }
      LOG.info(
          "owner statistics loaded from the shared snapshot (feed position {}, written {} by {},"
              + " {} KB) in {} ms, then {} feed entries ({} events) after it in {} ms; no events"
              + " counted from the store",
          snapshot.position(),
          snapshot.created(),
          snapshot.node(),
          snapshot.bytes() / 1_000,
          (loadedAt - started) / 1_000_000,
          entries,
          events,
          (System.nanoTime() - loadedAt) / 1_000_000);
      return Optional.of(last);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Counts one feed entry: its events, or for another node's import the whole events index again
   * (the entries up to the feed's end noted before that count are in it, so they are skipped).
   */
  private synchronized void apply(StatsFeed.Entry entry) throws IOException {
    if (entry.recount()) {
      LOG.info(
          "statistics feed entry {}: an import on another node; counting the owner statistics"
              + " again",
          entry.position());
      recount();
    } else if (feed.compare(entry.position(), countedUpTo) > 0) {
      for (Event event : entry.events()) {
        stats.add(event);
        funnel.count(event);
      }
    }
    applied = entry.position();
  }

  /**
   * Counts the whole events index again (an import, on this node or another): the feed entries up
   * to the end noted before the count are in it, so the follower skips them.
   */
  synchronized void recount() throws IOException {
    String noted = feed.position();
    countStore.run();
    countedUpTo = noted;
  }

  private void applyQuietly(StatsFeed.Entry entry) {
    try {
      apply(entry);
    } catch (IOException | RuntimeException e) {
      LOG.error(
          "statistics feed entry {}: counting the store again failed; the owner statistics miss"
              + " the import until this node starts again",
          entry.position(),
          e);
    }
  }

  /** Notes events counted on this node only (the feed did not take them). */
  void countedAlone(List<Event> events) {
    countedAlone += events.size();
  }

  /**
   * Writes the shared snapshot if it is this node's turn: the counts and the feed position they
   * include taken together (no entry counted, no batch stored meanwhile). Skipped when this node
   * counted events the feed never had (Redis was away).
   */
  void write(Duration every) throws IOException {
    if (countedAlone > 0) {
      if (!loggedAlone) {
        loggedAlone = true;
        LOG.warn(
            "this node counted {} attributed events the statistics feed never had (Redis was"
                + " away): it no longer writes the shared owner statistics snapshot until it"
                + " restarts",
            countedAlone);
      }
      return;
    }
    if (!feed.snapshotTurn(every)) {
      return;
    }
    long started = System.nanoTime();
    Path file = work.resolve("written.fsstats");
    Files.deleteIfExists(file);
    try {
      String position;
      synchronized (this) {
        // After another node's import the count includes the entries up to the end it noted.
        position = feed.compare(applied, countedUpTo) >= 0 ? applied : countedUpTo;
        gate.quiet(
            () -> {
              long millis = Long.parseLong(position.substring(0, position.indexOf('-')));
              StatsSnapshots.writeCounts(file, millis, position, stats, funnel);
              return null;
            });
      }
      if (feed.writeSnapshot(file, position, store)) {
        LOG.info(
            "shared owner statistics snapshot written at feed position {} ({} KB) in {} ms",
            position,
            Files.size(file) / 1_000,
            (System.nanoTime() - started) / 1_000_000);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
