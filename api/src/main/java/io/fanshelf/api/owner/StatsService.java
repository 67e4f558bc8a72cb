package io.fanshelf.api.owner;

import io.fanshelf.api.event.EventsStored;
import io.fanshelf.api.event.StoringGate;
import io.fanshelf.api.funnel.FunnelLedger;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.EventReader;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Statistics per owner, fan and segment from the events attributed to the owner, held in memory,
 * and the {@link FunnelLedger}'s counts beside them. Counted from the store at start-up, then from
 * what is stored since: on this node's own store (embedded, or one store per node), or, with a
 * store shared by several nodes, from the {@link StatsFeed} every node publishes the events it
 * stored to (those the statistics or the funnel count), so each event is counted once and every
 * node shows the same figures and the same funnel.
 *
 * <p>On a store that numbers its events (Lucene) and without a feed, a start does not count the
 * whole log: it loads the newest {@link StatsSnapshots snapshot} and counts the events after its
 * position. Snapshots are written after a full count, every {@code
 * fanshelf.store.aggregates-snapshot-interval} (the aggregates' interval), and at shutdown, each
 * with the event intake held quiet ({@link StoringGate}) so that the counts and the position agree.
 * With a feed a start loads the shared snapshot beside it and counts the feed after it instead
 * ({@link SharedStats}), one node writing it every interval. Thread-safe.
 */
@Service
public final class StatsService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatsService.class);

  private final AttributedStats stats = new AttributedStats();
  private final Indexer indexer;
  private final FanService fans;
  private final Clock clock;
  private final Optional<StatsFeed> feed;
  private final FunnelLedger funnel;
  private final StoringGate gate;
  private final Optional<StatsSnapshots> snapshots;
  private final Optional<SharedStats> shared;
  private final boolean startedFromSnapshot;
  private final ScheduledExecutorService snapshotWriter =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("owner-stats-snapshot").factory());

  public StatsService(
      Indexer indexer,
      FanService fans,
      Clock clock,
      Optional<StatsFeed> feed,
      FunnelLedger funnel,
      StoringGate gate)
      throws IOException {
    this.indexer = indexer;
    this.fans = fans;
    this.clock = clock;
    this.feed = feed;
    this.funnel = funnel;
    this.gate = gate;
    // With a feed the counts include other nodes' events, which no position of this log covers.
    this.snapshots =
        feed.isEmpty() && indexer.store().events().position().isPresent()
            ? Optional.of(new StatsSnapshots(indexer.options().dataDir().resolve("owner-stats")))
            : Optional.empty();
    this.shared =
        feed.map(
            f ->
                new SharedStats(
                    f,
                    stats,
                    funnel,
                    gate,
                    indexer.store().describe(),
                    indexer.options().dataDir().resolve("owner-stats-shared"),
                    this::countStore));
    long every = indexer.options().snapshotInterval().toMillis();
    if (shared.isPresent()) {
      // The feed's position is noted before a count: what is stored meanwhile arrives through the
      // feed. The store's scan is a point in time, so only an event stored in the few
      // milliseconds before the scan and published after that position is counted twice.
      startedFromSnapshot = shared.get().start();
      if (every > 0) {
        snapshotWriter.scheduleWithFixedDelay(
            this::writeSharedQuietly, every, every, TimeUnit.MILLISECONDS);
      }
      return;
    }
    startedFromSnapshot = loadSnapshot();
    if (!startedFromSnapshot) {
      rebuild();
    }
    if (snapshots.isPresent() && every > 0) {
      snapshotWriter.scheduleWithFixedDelay(
          this::writeSnapshotQuietly, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Whether this node's start loaded a snapshot (its own, or the shared one) instead of counting.
   */
  public boolean startedFromSnapshot() {
    return startedFromSnapshot;
  }

  /** The newest snapshot this log accepts and the log's tail after it; false when there is none. */
  private boolean loadSnapshot() throws IOException {
    if (snapshots.isEmpty()) {
      return false;
    }
    return gate.quiet(
        () -> {
          long started = System.nanoTime();
          Optional<StatsSnapshots.Loaded> loaded =
              snapshots.get().load(indexer.store().events(), stats, funnel);
          if (loaded.isEmpty()) {
            return false;
          }
          long loadedAt = System.nanoTime();
          long[] tail = {0};
          indexer
              .store()
              .events()
              .forEachAfter(
                  loaded.get().position(),
                  event -> {
                    count(event);
                    tail[0]++;
                  });
          LOG.info(
              "owner statistics loaded from {} (log position {}, written {}) in {} ms, then {}"
                  + " events of the log after it in {} ms",
              loaded.get().file().getFileName(),
              loaded.get().position(),
              loaded.get().created(),
              (loadedAt - started) / 1_000_000,
              tail[0],
              (System.nanoTime() - loadedAt) / 1_000_000);
          return true;
        });
  }

  /**
   * Recounts from the whole event log (at startup without a snapshot and after an events file
   * import), the funnel's counts in the same pass, with the event intake held meanwhile so that the
   * count is the log's exactly; then writes a snapshot of it in the background, or, with a feed,
   * tells the other nodes to count again (and skips the feed entries up to its end noted before the
   * count: they are in it).
   */
  public void rebuild() throws IOException {
    if (shared.isPresent()) {
      shared.get().recount();
    } else {
      countStore();
    }
    if (feed.isPresent() && !feed.get().recount()) {
      LOG.warn(
          "the other nodes were not told to count the owner statistics again after this import"
              + " (the statistics feed is unreachable): they miss it until they start again");
    }
    if (snapshots.isPresent()) {
      snapshotWriter.execute(this::writeSnapshotQuietly);
    }
  }

  private void countStore() throws IOException {
    gate.quiet(
        () -> {
          long started = System.nanoTime();
          stats.clear();
          funnel.clear();
          indexer.store().events().forEach(this::count);
          LOG.info("owner statistics counted in {} ms", (System.nanoTime() - started) / 1_000_000);
          return null;
        });
  }

  /**
   * Deletes the snapshots before an import commits: it may change what the counted events count for
   * (a product's price), and the recount after it writes a new one.
   */
  public void beforeImport() throws IOException {
    if (snapshots.isPresent()) {
      gate.quiet(
          () -> {
            snapshots.get().invalidate();
            return null;
          });
    }
  }

  /**
   * Writes the counts with the log position they include, for the next start; nothing happens
   * without snapshots (a shared store, a feed) or when the log's last event has no number.
   */
  public void writeSnapshot() throws IOException {
    if (snapshots.isEmpty()) {
      return;
    }
    gate.quiet(
        () -> {
          EventReader events = indexer.store().events();
          long position = events.position().orElseThrow();
          String lastId = position == 0 ? "" : events.idAt(position).map(EventId::value).orElse("");
          if (position > 0 && lastId.isEmpty()) {
            LOG.info(
                "no owner statistics snapshot: the log's last event has no number (appended"
                    + " before numbering)");
            return null;
          }
          snapshots.get().write(position, lastId, stats, funnel);
          return null;
        });
  }

  /** Writes the shared snapshot if it is this node's turn (with a feed only). */
  void writeSharedSnapshot() throws IOException {
    shared.orElseThrow().write(indexer.options().snapshotInterval());
  }

  private void writeSharedQuietly() {
    try {
      writeSharedSnapshot();
    } catch (IOException | RuntimeException e) {
      LOG.error(
          "writing the shared owner statistics snapshot failed; the next turn tries again", e);
    }
  }

  private void writeSnapshotQuietly() {
    try {
      writeSnapshot();
    } catch (IOException | RuntimeException e) {
      LOG.error(
          "writing the owner statistics snapshot failed; the next start may count the log", e);
    }
  }

  /**
   * Stops the schedule (a write under way finishes) and writes a last snapshot, so that a restart
   * replays nothing.
   */
  @Override
  public void close() {
    snapshotWriter.shutdown();
    try {
      snapshotWriter.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writeSnapshotQuietly();
  }

  /**
   * Counts the new events of a stored batch, those the statistics or the funnel count ({@link
   * FunnelLedger#mayCount}): on this node; or, with a feed, by publishing them to it, so that every
   * node counts them, in the feed's order.
   */
  @EventListener
  public void onStored(EventsStored stored) {
    List<Event> counted = stored.events().stream().filter(FunnelLedger::mayCount).toList();
    if (counted.isEmpty() || feed.isPresent() && feed.get().publish(counted)) {
      return;
    }
    if (feed.isPresent()) {
      LOG.warn(
          "{} events counted in the owner statistics and funnel of this node only: the statistics"
              + " feed is unreachable",
          counted.size());
      shared.orElseThrow().countedAlone(counted);
    }
    counted.forEach(this::count);
  }

  private void count(Event event) {
    stats.add(event);
    funnel.count(event);
  }

  public AttributedStats.Counts owner(OwnerId owner) {
    return stats.owner(owner);
  }

  public List<AttributedStats.Day> days(OwnerId owner, int days) {
    return stats.days(owner, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), days);
  }

  public AttributedStats.Counts fan(OwnerId owner, FanId fan) {
    return stats.fan(owner, fan);
  }

  /** One fan's counts and latest times with the owner. */
  public AttributedStats.Activity activity(OwnerId owner, FanId fan) {
    return stats.activity(owner, fan);
  }

  /** Every fan of the owner with attributed events, with their counts and latest times. */
  public Map<FanId, AttributedStats.Activity> activity(OwnerId owner) {
    return stats.activity(owner);
  }

  /** The sum over the fans of a segment, as its filters select them now. */
  public AttributedStats.Counts segment(OwnerId owner, Segment segment) throws IOException {
    List<FanId> members = new ArrayList<>();
    fans.forEach(owner, segment.labels(), segment.unlabelled(), p -> members.add(p.fan().id()));
    return stats.fans(owner, members);
  }
}
