package io.fanshelf.indexer;

import io.fanshelf.indexer.aggregate.AggregateStats;
import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.aggregate.SnapshotInfo;
import io.fanshelf.indexer.ingest.EventBatch;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.ingest.ImportSummary;
import io.fanshelf.indexer.ingest.Importer;
import io.fanshelf.indexer.ingest.Problems;
import io.fanshelf.indexer.ingest.ValidationError;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelRemoval;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.StoreBackend;
import io.fanshelf.indexer.store.StoreReader;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A FanShelf data directory, opened: the store backend, ingestion, and the in-memory aggregates of
 * the event log. Every write goes through it (imports, events, labels); {@link #store} hands out
 * reads only. Thread-safe: writes are serialised by one lock; reads never wait on it, and neither
 * do the aggregates, which are rebuilt beside the serving instance and swapped in (only the very
 * first build, when nothing serves yet, makes callers wait: with live aggregates it starts in the
 * background when the indexer opens). Close it to release the directory.
 */
public final class Indexer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
  // Bounds how long one combined event write holds the lock (about 0.1 s on Lucene).
  private static final int MAX_EVENTS_PER_WRITE = 50_000;

  private final IndexerOptions options;
  private final StoreBackend store;
  private final ReentrantLock writes = new ReentrantLock();
  private final CombinedAppends appends = new CombinedAppends(writes, MAX_EVENTS_PER_WRITE);
  private final ScheduledExecutorService rebuilder =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "fanshelf-aggregates");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicLong catalogVersion = new AtomicLong();
  private final AtomicLong fansVersion = new AtomicLong();
  private final ServingAggregates aggregates;
  // With a store shared by several nodes: where stored events go to be counted by every node.
  private final Optional<AggregatesFeed> feed;
  // Events this node counted alone because the feed could not take them.
  private final AtomicLong countedAlone = new AtomicLong();
  // Product ids for validating API events without a store lookup per event; reloaded after a
  // catalog import.
  private volatile KnownProducts knownProducts = new KnownProducts(-1, Set.of());
  // With live aggregates: the first serving instance (a snapshot loaded, or else the log counted),
  // made on the rebuilder thread from open, so that a server's start goes on meanwhile;
  // aggregates() waits for it.
  private volatile CompletableFuture<Void> firstAggregates =
      CompletableFuture.completedFuture(null);

  private record KnownProducts(long catalogVersion, Set<ProductId> ids) {}

  private Indexer(IndexerOptions options, StoreBackend store, Optional<AggregatesFeed> feed)
      throws IOException {
    this.options = options;
    this.store = store;
    this.feed = feed;
    this.aggregates = new ServingAggregates(store, options, writes, feed.isPresent());
  }

  /** Opens the data directory with the embedded Lucene backend. */
  public static Indexer open(IndexerOptions options) throws IOException {
    return open(options, LuceneBackend.open(options.dataDir()));
  }

  /**
   * Opens over a backend the caller chose (e.g. Elasticsearch); closing the indexer closes it. With
   * live aggregates it returns once the store is open: the aggregates are loaded from the newest
   * snapshot (or else counted from the log) in the background, and {@link #aggregates} waits for
   * them. Writes may come meanwhile: a snapshot's load replays the log after it, a count follows
   * the writes made during it.
   */
  public static Indexer open(IndexerOptions options, StoreBackend store) throws IOException {
    Indexer indexer = new Indexer(options, store, Optional.empty());
    indexer.logOpened();
    if (options.liveAggregates()) {
      indexer.firstAggregates =
          CompletableFuture.runAsync(indexer::serveFirstAggregates, indexer.rebuilder);
      if (options.snapshotInterval().isPositive()) {
        long millis = options.snapshotInterval().toMillis();
        indexer.rebuilder.scheduleWithFixedDelay(
            indexer::writeSnapshotQuietly, millis, millis, TimeUnit.MILLISECONDS);
      }
    }
    return indexer;
  }

  /**
   * Opens a store shared by several nodes, whose aggregates count what {@code feed} delivers to
   * every node rather than what this node stores (see {@link AggregatesFeed}). Live aggregates are
   * required. The feed's {@link AggregatesFeed#start} makes them serve before this returns. Closing
   * the indexer closes the feed first, then the backend.
   */
  public static Indexer openShared(IndexerOptions options, StoreBackend store, AggregatesFeed feed)
      throws IOException {
    if (!options.liveAggregates()) {
      throw new IllegalArgumentException("a shared store needs live aggregates");
    }
    Indexer indexer = new Indexer(options, store, Optional.of(feed));
    indexer.logOpened();
    try {
      feed.start(indexer);
    } catch (IOException | RuntimeException e) {
      feed.close();
      indexer.rebuilder.shutdownNow();
      throw e;
    }
    return indexer;
  }

  private void serveFirstAggregates() {
    try {
      if (!aggregates.loadSnapshot()) {
        aggregates.rebuild();
        writeSnapshotQuietly(); // a failed snapshot only makes the next start slower
      }
    } catch (ClosedByInterruptException e) {
      LOG.info("the indexer was closed while the aggregates were loading");
    } catch (IOException | RuntimeException e) {
      LOG.error("loading the aggregates failed; the first use counts them from the log", e);
    }
  }

  private void logOpened() throws IOException {
    LOG.info(
        "opened {}: {} products, {} fans, {} events, taxonomy v{}",
        store.describe(),
        store.catalog().count(),
        store.fans().count(),
        store.events().count(),
        store.metadata().taxonomy().version());
  }

  public IndexerOptions options() {
    return options;
  }

  /** Read access to the stores; every write goes through this indexer. */
  public StoreReader store() {
    return store;
  }

  /**
   * Increases whenever a write may have changed the catalog, so readers holding an in-memory copy
   * know to reload it.
   */
  public long catalogVersion() {
    return catalogVersion.get();
  }

  /** Increases whenever a write may have changed fans or labels. */
  public long fansVersion() {
    return fansVersion.get();
  }

  /**
   * Validates and applies files.
   *
   * @throws ImportRejectedException when any file has errors; nothing was applied then
   */
  public ImportSummary importFiles(ImportRequest request, ImportListener listener)
      throws ImportRejectedException, IOException {
    writes.lock();
    try {
      aggregates.beforeLabelsOrCatalogChange();
      ImportSummary summary =
          new Importer(store, options.clock(), event -> {}).run(request, listener);
      if (request.catalog().isPresent()) {
        catalogVersion.incrementAndGet();
      }
      if (request.fans().isPresent() || request.labels().isPresent()) {
        fansVersion.incrementAndGet();
      }
      // A bulk import changes the aggregates wholesale: recount from the log rather than add
      // event by event, in the background so the import returns as soon as it is durable; the
      // current aggregates serve until the recount is swapped in.
      aggregates.recountNeeded();
      if (options.liveAggregates()) {
        rebuilder.execute(this::rebuildQuietly);
      }
      if (feed.isPresent() && !feed.get().recount()) {
        LOG.warn(
            "the other nodes were not told to recount their aggregates after this import: the"
                + " aggregates feed is unreachable; they count the import at their next start");
      }
      return summary;
    } finally {
      writes.unlock();
    }
  }

  /**
   * Appends events sent by an app: every event must name a product of the catalog and, if it names
   * one, an existing owner; otherwise the whole batch is rejected with one error per bad event
   * ({@code line} is the event's 1-based position in the batch). Idempotent by event id. Durable
   * when it returns, and visible to the aggregates. Batches of concurrent callers share one store
   * write (and one commit), so many small batches cost about as much as a few large ones.
   *
   * @throws ImportRejectedException when an event is invalid; nothing of the batch was stored
   * @throws IOException when the store could not write the batch; nothing of it was stored
   */
  public Appended appendEvents(List<Event> events) throws ImportRejectedException, IOException {
    validateEvents(events);
    CombinedAppends.Outcome outcome =
        appends.append(
            events,
            (group, onNew) -> {
              List<Event> added = new ArrayList<>();
              store
                  .events()
                  .append(
                      group,
                      event -> {
                        added.add(event);
                        aggregates.onNew(event);
                        onNew.accept(event);
                      });
              // Only now: the write is committed.
              if (feed.isEmpty()) {
                aggregates.stored(added);
              } else {
                publish(added);
              }
            });
    return new Appended(outcome.stored(), outcome.duplicates());
  }

  /** Under the write lock: committed events to the feed, or counted here when it is away. */
  private void publish(List<Event> added) {
    List<Event> positive =
        added.stream().filter(event -> options.feedback().weight(event) > 0).toList();
    if (positive.isEmpty() || feed.get().publish(positive)) {
      return;
    }
    LOG.warn(
        "{} events counted in this node's aggregates only: the aggregates feed is unreachable",
        positive.size());
    countedAlone.addAndGet(positive.size());
    aggregates.stored(positive);
  }

  /**
   * Counts events the {@link AggregatesFeed} delivered (stored by this node or another), in feed
   * order. Only for an indexer opened with {@link #openShared}.
   */
  public void countFedEvents(List<Event> events) {
    if (feed.isEmpty()) {
      throw new IllegalStateException("only an indexer opened with a feed counts fed events");
    }
    writes.lock();
    try {
      // As if stored here: a rebuild under way leaves them out of its scan and replays them.
      events.forEach(aggregates::onNew);
      aggregates.stored(events);
    } finally {
      writes.unlock();
    }
  }

  /**
   * Events this node counted alone since it opened because the feed could not take them: its
   * aggregates then hold what no other node's do, and must not be shared as a snapshot.
   */
  public long eventsCountedAlone() {
    return countedAlone.get();
  }

  /**
   * Counts the aggregates again from the store in the background (the current ones serve
   * meanwhile), as after an import: for a node told by the feed of an import made on another node.
   */
  public void recountAggregates() {
    writes.lock();
    try {
      aggregates.recountNeeded();
      rebuilder.execute(this::rebuildQuietly);
    } finally {
      writes.unlock();
    }
  }

  /**
   * Writes the serving aggregates to {@code file} (created; it must not exist) with {@code info},
   * under the write lock, so that no event is counted meanwhile: the caller, which knows what the
   * aggregates include ({@code info}), hands events to {@link #countFedEvents} under its own lock
   * and holds it here too. Returns false and writes nothing when nothing serves yet or a recount is
   * pending (the aggregates do not match the store).
   */
  public boolean writeAggregatesSnapshot(Path file, SnapshotInfo info) throws IOException {
    return aggregates.writeSnapshotTo(file, info);
  }

  /**
   * Serves the aggregates of a snapshot {@link #writeAggregatesSnapshot} wrote, checked as the data
   * directory's snapshots are (format version, options, feedback weights, CRC32C) and by {@code
   * check} before its body is read.
   *
   * @return what the snapshot says it includes
   * @throws io.fanshelf.indexer.aggregate.SnapshotRefusedException when it cannot be used; the
   *     serving aggregates are unchanged then
   */
  public SnapshotInfo loadAggregatesSnapshot(Path file, EventAggregates.SnapshotCheck check)
      throws IOException {
    return aggregates.loadSnapshotFrom(file, check);
  }

  /**
   * What {@link #appendEvents} stored.
   *
   * @param stored the events of the batch that were new, now durable, in batch order
   * @param duplicates events skipped because their id was already stored or repeated
   */
  public record Appended(List<Event> stored, long duplicates) {
    public Appended {
      stored = List.copyOf(stored);
    }

    public long added() {
      return stored.size();
    }
  }

  /**
   * Sets and removes labels as one batch: checked against the owners and the current taxonomy
   * ({@link LabelChecks}), then written all or none under the write lock, durable when it returns.
   * Each label set replaces the owner's label of its (fan, dimension) and adds the fan to the
   * owner's fans if needed; removals apply after the labels set, and removing a label that is not
   * there changes nothing. The fans' version goes up and the label statistics of the aggregates
   * (label lift, label x category) are recounted for the fans whose labels changed.
   *
   * @throws ImportRejectedException when anything in the batch is invalid; nothing changed then
   * @throws IOException when the store could not write the batch; nothing changed then
   */
  public LabelsChanged changeLabels(List<Label> set, List<LabelRemoval> removals)
      throws ImportRejectedException, IOException {
    writes.lock();
    try {
      LabelChecks.check(set, removals, store.metadata());
      Map<FanId, List<FanProfile>> before = new LinkedHashMap<>();
      for (Label label : set) {
        before.putIfAbsent(label.fan(), null);
      }
      for (LabelRemoval removal : removals) {
        before.putIfAbsent(removal.fan(), null);
      }
      for (FanId fan : before.keySet()) {
        before.put(fan, store.fans().profilesOf(fan));
      }
      List<LabelRemoval> removed = effectiveRemovals(set, removals, before);
      aggregates.beforeLabelsOrCatalogChange();
      store.fans().changeLabels(set, removals);
      fansVersion.incrementAndGet();
      try {
        for (Map.Entry<FanId, List<FanProfile>> fan : before.entrySet()) {
          aggregates.relabeled(fan.getKey(), fan.getValue());
        }
      } catch (IOException | RuntimeException e) {
        // The labels are stored; only the statistics lag. Recount them rather than fail a write
        // that is durable.
        LOG.error("recounting label statistics failed; rebuilding the aggregates", e);
        aggregates.recountNeeded();
        if (options.liveAggregates()) {
          rebuilder.execute(this::rebuildQuietly);
        }
      }
      return new LabelsChanged(set, removed);
    } finally {
      writes.unlock();
    }
  }

  /** The removals that take a label off: it is stored, or set earlier in the same batch. */
  private static List<LabelRemoval> effectiveRemovals(
      List<Label> set, List<LabelRemoval> removals, Map<FanId, List<FanProfile>> before) {
    Set<LabelRemoval> present = new HashSet<>();
    before.forEach(
        (fan, profiles) -> {
          for (FanProfile profile : profiles) {
            for (String dimension : profile.labels().keySet()) {
              present.add(new LabelRemoval(profile.fan().owner(), fan, dimension));
            }
          }
        });
    for (Label label : set) {
      present.add(new LabelRemoval(label.owner(), label.fan(), label.dimension()));
    }
    List<LabelRemoval> removed = new ArrayList<>();
    for (LabelRemoval removal : removals) {
      if (present.remove(removal)) {
        removed.add(removal);
      }
    }
    return removed;
  }

  /**
   * What {@link #changeLabels} did.
   *
   * @param set the labels set
   * @param removed the removals that took a label off, in batch order (a removal of a label that
   *     was not there is left out)
   */
  public record LabelsChanged(List<Label> set, List<LabelRemoval> removed) {
    public LabelsChanged {
      set = List.copyOf(set);
      removed = List.copyOf(removed);
    }
  }

  /**
   * Reads an events file (CSV or JSONL) through the import's validation against this directory's
   * catalog and owners, into memory, storing nothing: for test events that must name known products
   * but stay out of the log.
   *
   * @throws ImportRejectedException with every error of the file
   */
  public List<Event> readEventsFile(Path file) throws ImportRejectedException, IOException {
    return EventsFileReader.read(file, store);
  }

  /**
   * The checks of {@link #appendEvents} without the write, for callers that queue a batch (the
   * API's event stream) and must refuse a bad one before acknowledging it. A batch that passes can
   * still be refused when appended if one of its ids was stored meanwhile for a different event.
   */
  public void validateEvents(List<Event> events) throws ImportRejectedException, IOException {
    Problems problems = new Problems();
    checkEvents(events, i -> i + 1, problems, true);
    problems.throwIfAny();
  }

  /**
   * Reads an app's batch of event objects (the events.jsonl mapping) and checks it as {@link
   * #validateEvents} does, reporting every error of the batch in one exception: format and
   * reference errors together, in batch order ({@code line} is the 1-based position), up to {@link
   * Problems#LIMIT}. Stores nothing.
   *
   * @return the events, in batch order
   * @throws ImportRejectedException when any event is bad
   */
  public List<Event> readEventBatch(List<JsonNode> items)
      throws ImportRejectedException, IOException {
    Problems problems = new Problems();
    EventBatch.Parsed parsed = EventBatch.parse(items, problems);
    // EventBatch reported every repeated id already, identical events included.
    checkEvents(parsed.events(), i -> parsed.positions().get(i), problems, false);
    if (!problems.isEmpty()) {
      List<ValidationError> inBatchOrder = new ArrayList<>(problems.kept());
      inBatchOrder.sort(Comparator.comparingLong(ValidationError::line));
      throw new ImportRejectedException(inBatchOrder, problems.total());
    }
    return parsed.events();
  }

  /**
   * Records every event that names an unknown product or owner, or (with {@code checkReusedIds})
   * reuses an id for a different event of the batch; {@code position} gives the position to report
   * for an index of {@code events}.
   */
  private void checkEvents(
      List<Event> events, IntUnaryOperator position, Problems problems, boolean checkReusedIds)
      throws IOException {
    Map<String, Integer> firstIndex = new HashMap<>();
    Set<ProductId> products = knownProducts();
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      int at = position.applyAsInt(i);
      if (!products.contains(event.product())) {
        problems.add("events", at, "product", "unknown product '" + event.product() + "'");
      }
      if (event.owner().isPresent() && store.metadata().owner(event.owner().get()).isEmpty()) {
        problems.add("events", at, "owner", "unknown owner '" + event.owner().get() + "'");
      }
      Integer first = checkReusedIds ? firstIndex.putIfAbsent(event.id().value(), i) : null;
      if (first != null && !events.get(first).equals(event)) {
        problems.add(
            "events",
            at,
            "id",
            "event id '"
                + event.id()
                + "' is used by a different event at position "
                + position.applyAsInt(first));
      }
    }
  }

  private Set<ProductId> knownProducts() throws IOException {
    KnownProducts current = knownProducts;
    long version = catalogVersion.get();
    if (current.catalogVersion() != version) {
      Set<ProductId> loaded = new HashSet<>();
      store.catalog().forEach(product -> loaded.add(product.id()));
      // Tagged with the version read before loading: a catalog import meanwhile makes it stale.
      current = new KnownProducts(version, Set.copyOf(loaded));
      knownProducts = current;
    }
    return current.ids();
  }

  /**
   * The aggregates of the event log. Never null, and never waits for a rebuild: after an import the
   * instance from before serves until the recount is swapped in. Only when there is none yet does
   * it wait: for the first load that {@link #open} started with live aggregates, or else (the first
   * use without live aggregates, after an import without them, or when that load failed) while it
   * is built on the spot.
   */
  public EventAggregates aggregates() throws IOException {
    CompletableFuture<Void> first = firstAggregates;
    if (!first.isDone()) {
      // It fails only when cancelled by close; serveFirstAggregates logs its own errors.
      first.handle((loaded, cancelled) -> null).join();
    }
    return aggregates.buildIfMissing();
  }

  /**
   * Recounts the aggregates from the whole event log into a new instance and swaps it in; the old
   * one serves meanwhile, and writes go on and are counted in the new one.
   */
  public AggregateStats rebuildAggregates() throws IOException {
    return aggregates.rebuild();
  }

  private void rebuildQuietly() {
    try {
      if (aggregates.stale()) {
        aggregates.rebuild();
        // After an import: the next start loads this count instead of counting again.
        aggregates.writeSnapshot();
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("rebuilding the aggregates failed; the previous ones keep serving", e);
    }
  }

  /**
   * Writes the serving aggregates as a snapshot at the log's position now, for the next start to
   * load (see {@link IndexerOptions#snapshotInterval}). Appends and label changes wait while it is
   * written; queries do not. Nothing happens without live aggregates or on a store that does not
   * number its events.
   */
  public void writeAggregatesSnapshot() throws IOException {
    aggregates.writeSnapshot();
  }

  private void writeSnapshotQuietly() {
    try {
      aggregates.writeSnapshot();
    } catch (IOException | RuntimeException e) {
      LOG.error("writing the aggregates snapshot failed; the next start may rebuild instead", e);
    }
  }

  /** Counts for the CLI's stats command and health pages. */
  public record Stats(
      String backend,
      long products,
      long fans,
      long events,
      int owners,
      int taxonomyVersion,
      Optional<LuceneBackend.DiskUsage> disk) {}

  public Stats stats() throws IOException {
    Optional<LuceneBackend.DiskUsage> disk =
        store instanceof LuceneBackend lucene ? Optional.of(lucene.diskUsage()) : Optional.empty();
    return new Stats(
        store.describe(),
        store.catalog().count(),
        store.fans().count(),
        store.events().count(),
        store.metadata().owners().size(),
        store.metadata().taxonomy().version(),
        disk);
  }

  @Override
  public void close() throws IOException {
    feed.ifPresent(AggregatesFeed::close);
    rebuilder.shutdownNow();
    firstAggregates.cancel(false); // when closed before the first load started
    try {
      rebuilder.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writeSnapshotQuietly(); // a restart then replays nothing
    writes.lock();
    try {
      store.close();
    } finally {
      writes.unlock();
    }
  }
}
