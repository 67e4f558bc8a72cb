package io.fanshelf.indexer;

import io.fanshelf.indexer.aggregate.AggregateStats;
import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.aggregate.SnapshotInfo;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.StoreBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregates instance that serves, and its rebuilds. A rebuild counts the log into a new
 * instance beside the serving one, which keeps answering, and swaps it in when done; writes go on
 * meanwhile, and what they change after the rebuild started is recorded in a {@link Journal} and
 * replayed into the new instance before the swap, under the write lock. An import during a rebuild
 * makes its result stale: it is dropped and the next rebuild counts again.
 *
 * <p>Thread-safe: {@link #current} never waits; the methods that record writes run under the
 * indexer's write lock, which a rebuild takes only to start, to read the fans' labels and to swap.
 */
final class ServingAggregates {
  private static final Logger LOG = LoggerFactory.getLogger(ServingAggregates.class);

  private final StoreBackend store;
  private final IndexerOptions options;
  private final ReentrantLock writes;
  private volatile EventAggregates serving;
  // The rest is guarded by the write lock.
  private Journal journal;
  private long recountsNeeded;
  private long recountsCounted = -1;
  // Empty when snapshots are not used: aggregates built on use, or a log without positions.
  private final Optional<AggregateSnapshots> snapshots;

  /**
   * @param shared whether the aggregates follow a feed shared by several nodes: the data
   *     directory's snapshots, which hold what this node's log position includes, are not used then
   */
  ServingAggregates(
      StoreBackend store, IndexerOptions options, ReentrantLock writes, boolean shared)
      throws IOException {
    this.store = store;
    this.options = options;
    this.writes = writes;
    this.snapshots =
        options.liveAggregates() && !shared && store.events().position().isPresent()
            ? Optional.of(new AggregateSnapshots(options.dataDir().resolve("aggregates"), options))
            : Optional.empty();
  }

  /**
   * Serves the newest snapshot that fits the log, with the events after it replayed; false when
   * there is none (or snapshots are not used), and the caller rebuilds.
   */
  boolean loadSnapshot() throws IOException {
    if (snapshots.isEmpty()) {
      return false;
    }
    writes.lock();
    try {
      long counted = recountsNeeded;
      Optional<EventAggregates> loaded =
          snapshots
              .get()
              .load(store.events(), EventAggregates.Context.of(store.catalog(), store.fans()));
      if (loaded.isPresent()) {
        serving = loaded.get();
        recountsCounted = counted;
      }
      return loaded.isPresent();
    } finally {
      writes.unlock();
    }
  }

  /**
   * Writes the serving instance as a snapshot at the log's position now, under the write lock
   * (appends and label changes wait for it; queries do not). Nothing when snapshots are not used,
   * nothing serves yet, or an import's recount is pending.
   */
  void writeSnapshot() throws IOException {
    if (snapshots.isEmpty()) {
      return;
    }
    writes.lock();
    try {
      EventAggregates current = serving;
      if (current != null && recountsCounted == recountsNeeded) {
        snapshots.get().write(current, store.events());
      }
    } finally {
      writes.unlock();
    }
  }

  /**
   * Writes the serving instance to {@code file} with {@code info} under the write lock; false when
   * nothing serves yet or an import's recount is pending.
   */
  boolean writeSnapshotTo(Path file, SnapshotInfo info) throws IOException {
    writes.lock();
    try {
      EventAggregates current = serving;
      if (current == null || recountsCounted != recountsNeeded) {
        return false;
      }
      current.writeSnapshot(file, info);
      return true;
    } finally {
      writes.unlock();
    }
  }

  /** Serves the snapshot in {@code file}; the serving instance is unchanged if it is refused. */
  SnapshotInfo loadSnapshotFrom(Path file, EventAggregates.SnapshotCheck check) throws IOException {
    writes.lock();
    try {
      long counted = recountsNeeded;
      EventAggregates.Loaded loaded =
          EventAggregates.readSnapshot(
              file,
              options.feedback(),
              options.aggregates(),
              EventAggregates.Context.of(store.catalog(), store.fans()),
              check);
      serving = loaded.aggregates();
      recountsCounted = counted;
      return loaded.info();
    } finally {
      writes.unlock();
    }
  }

  /**
   * Under the write lock, before a change that snapshots do not follow (labels, an import) is
   * committed: deletes them, so that a start never loads aggregates counted without it.
   */
  void beforeLabelsOrCatalogChange() throws IOException {
    if (snapshots.isPresent()) {
      snapshots.get().invalidate();
    }
  }

  /** The serving instance; empty before the first build. */
  Optional<EventAggregates> current() {
    return Optional.ofNullable(serving);
  }

  /** Under the write lock: an event the store found new, before its batch commits. */
  void onNew(Event event) {
    if (journal != null) {
      journal.notScanned.add(event.id());
    }
  }

  /** Under the write lock: events now durable, counted by the serving instance. */
  void stored(List<Event> added) {
    EventAggregates current = serving;
    if (current != null) {
      current.addAll(added);
    }
    if (journal != null) {
      journal.stored.addAll(added);
    }
  }

  /**
   * Under the write lock, after the store changed the fan's labels: the serving instance recounts
   * the fan's label statistics.
   *
   * @param before the fan's profiles before the change
   */
  void relabeled(FanId fan, List<FanProfile> before) throws IOException {
    if (EventAggregates.sameLabels(before, store.fans().profilesOf(fan))) {
      return; // another owner's label already gave the fan these values: nothing to recount
    }
    if (journal != null && journal.labelsRead) {
      journal.countedWith.putIfAbsent(fan, before);
    }
    EventAggregates current = serving;
    if (current != null) {
      current.relabel(fan, before, store.events().allOf(fan));
    }
  }

  /**
   * Under the write lock, after an import (or a recount of label statistics that failed): the
   * serving instance no longer matches the stores. A rebuild under way is stale; with live
   * aggregates the old instance serves until the next rebuild swaps, otherwise it is dropped and
   * the next {@link #buildIfMissing} counts anew.
   */
  void recountNeeded() {
    recountsNeeded++;
    if (!options.liveAggregates()) {
      serving = null;
    }
  }

  /** Whether an import (or a failed recount) happened since the serving instance was counted. */
  boolean stale() {
    writes.lock();
    try {
      return recountsCounted != recountsNeeded;
    } finally {
      writes.unlock();
    }
  }

  /** The serving instance, counted first under the write lock when there is none yet. */
  EventAggregates buildIfMissing() throws IOException {
    EventAggregates current = serving;
    if (current != null) {
      return current;
    }
    writes.lock();
    try {
      if (serving == null) {
        long started = System.nanoTime();
        long counted = recountsNeeded;
        EventAggregates built =
            EventAggregates.rebuild(
                store.events(),
                options.feedback(),
                options.aggregates(),
                EventAggregates.Context.of(store.catalog(), store.fans()));
        recountsCounted = counted;
        serving = built;
        logBuilt(built, started);
      }
      return serving;
    } finally {
      writes.unlock();
    }
  }

  /**
   * Counts the whole log into a new instance and swaps it in; writes continue meanwhile and are not
   * lost (see the class comment). Tries again when an import made a count stale.
   */
  AggregateStats rebuild() throws IOException {
    while (true) {
      long started = System.nanoTime();
      Journal mine = new Journal();
      long counted;
      writes.lock();
      try {
        journal = mine;
        counted = recountsNeeded;
      } finally {
        writes.unlock();
      }
      try {
        EventAggregates rebuilt =
            EventAggregates.rebuild(
                store.events(),
                event -> !mine.notScanned.contains(event.id()),
                options.feedback(),
                options.aggregates(),
                new LabelsReadUnderLock(
                    EventAggregates.Context.of(store.catalog(), store.fans()), mine));
        writes.lock();
        try {
          if (recountsNeeded == counted) {
            mine.replayInto(rebuilt);
            serving = rebuilt;
            recountsCounted = counted;
            logBuilt(rebuilt, started);
            return rebuilt.stats();
          }
          LOG.info("an import came during the rebuild of the aggregates; counting again");
        } finally {
          writes.unlock();
        }
      } finally {
        writes.lock();
        try {
          if (journal == mine) {
            journal = null;
          }
        } finally {
          writes.unlock();
        }
      }
    }
  }

  private static void logBuilt(EventAggregates built, long startedNanos) {
    AggregateStats stats = built.stats();
    LOG.info(
        "aggregates rebuilt from {} events in {} ms: {} products, {} fans, {} neighbour entries",
        stats.eventsSeen(),
        (System.nanoTime() - startedNanos) / 1_000_000,
        stats.products(),
        stats.fans(),
        stats.neighbourEntries());
  }

  /** What writes changed while one rebuild ran; read and written under the write lock. */
  private final class Journal {
    // Ids of events stored (or about to be) after the rebuild started: its scan leaves them out,
    // whether or not it would see them, and the replay counts those that were stored. Read by the
    // scan without the lock, hence concurrent.
    final Set<EventId> notScanned = ConcurrentHashMap.newKeySet();
    final List<Event> stored = new ArrayList<>();
    // Set once the rebuild read the fans' labels: later label changes must be replayed.
    boolean labelsRead;
    // Fans relabelled after that, with the profiles the rebuild counted their events under.
    final Map<FanId, List<FanProfile>> countedWith = new LinkedHashMap<>();

    /** Brings the rebuilt instance up to the stores' state now; under the write lock. */
    void replayInto(EventAggregates rebuilt) throws IOException {
      for (Map.Entry<FanId, List<FanProfile>> fan : countedWith.entrySet()) {
        List<Event> scanned = new ArrayList<>();
        for (Event event : store.events().allOf(fan.getKey())) {
          if (!notScanned.contains(event.id())) {
            scanned.add(event);
          }
        }
        rebuilt.relabel(fan.getKey(), fan.getValue(), scanned);
      }
      // Counted under the labels as they are now, like every event the relabelling just moved.
      rebuilt.addAll(stored);
    }
  }

  /**
   * The rebuild's context, reading the labels of all its fans under the write lock, so that every
   * label change is either seen by the rebuild or recorded in its journal. It stays the context of
   * the instance it built: later bulk reads come from writes that hold the (reentrant) lock
   * already.
   */
  private final class LabelsReadUnderLock implements EventAggregates.Context {
    private final EventAggregates.Context stores;
    private final Journal journal;

    LabelsReadUnderLock(EventAggregates.Context stores, Journal journal) {
      this.stores = stores;
      this.journal = journal;
    }

    @Override
    public Optional<Product> product(ProductId id) {
      return stores.product(id);
    }

    @Override
    public List<FanProfile> profilesOf(FanId fan) {
      return stores.profilesOf(fan);
    }

    @Override
    public Map<ProductId, Product> products(Collection<ProductId> ids) {
      return stores.products(ids);
    }

    @Override
    public Map<FanId, List<FanProfile>> profilesOf(Collection<FanId> ids) {
      writes.lock();
      try {
        Map<FanId, List<FanProfile>> profiles = stores.profilesOf(ids);
        journal.labelsRead = true;
        return profiles;
      } finally {
        writes.unlock();
      }
    }
  }
}
