package io.fanshelf.indexer;

import io.fanshelf.indexer.aggregate.AggregateStats;
import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.ingest.EventBatch;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.ingest.ImportSummary;
import io.fanshelf.indexer.ingest.Importer;
import io.fanshelf.indexer.ingest.Problems;
import io.fanshelf.indexer.ingest.ValidationError;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.StoreBackend;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A FanShelf data directory, opened: the store backend, ingestion, and the in-memory aggregates of
 * the event log. Thread-safe: imports, event appends and aggregate rebuilds are serialised by one
 * lock; reads never wait on it. Close it to release the directory.
 */
public final class Indexer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
  // Bounds how long one combined event write holds the lock (about 0.1 s on Lucene).
  private static final int MAX_EVENTS_PER_WRITE = 50_000;

  private final IndexerOptions options;
  private final StoreBackend store;
  private final ReentrantLock writes = new ReentrantLock();
  private final CombinedAppends appends = new CombinedAppends(writes, MAX_EVENTS_PER_WRITE);
  private final ExecutorService rebuilder =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "fanshelf-aggregates");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicLong catalogVersion = new AtomicLong();
  private final AtomicLong fansVersion = new AtomicLong();
  private volatile EventAggregates aggregates;
  // Product ids for validating API events without a store lookup per event; reloaded after a
  // catalog import.
  private volatile KnownProducts knownProducts = new KnownProducts(-1, Set.of());

  private record KnownProducts(long catalogVersion, Set<ProductId> ids) {}

  private Indexer(IndexerOptions options, StoreBackend store) {
    this.options = options;
    this.store = store;
  }

  /** Opens the data directory with the embedded Lucene backend. */
  public static Indexer open(IndexerOptions options) throws IOException {
    return open(options, LuceneBackend.open(options.dataDir()));
  }

  /** Opens over a backend the caller chose (e.g. Elasticsearch); closing the indexer closes it. */
  public static Indexer open(IndexerOptions options, StoreBackend store) throws IOException {
    Indexer indexer = new Indexer(options, store);
    LOG.info(
        "opened {}: {} products, {} fans, {} events, taxonomy v{}",
        store.describe(),
        store.catalog().count(),
        store.fans().count(),
        store.events().count(),
        store.metadata().taxonomy().version());
    if (options.liveAggregates()) {
      indexer.rebuildAggregates();
    }
    return indexer;
  }

  public IndexerOptions options() {
    return options;
  }

  public StoreBackend store() {
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
      ImportSummary summary =
          new Importer(store, options.clock(), event -> {}).run(request, listener);
      if (request.catalog().isPresent()) {
        catalogVersion.incrementAndGet();
      }
      if (request.fans().isPresent() || request.labels().isPresent()) {
        fansVersion.incrementAndGet();
      }
      // A bulk import changes the aggregates wholesale: recount from the log rather than add
      // event by event, in the background so the import returns as soon as it is durable.
      aggregates = null;
      if (options.liveAggregates()) {
        rebuilder.execute(this::rebuildQuietly);
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
                        onNew.accept(event);
                      });
              EventAggregates current = aggregates;
              if (current != null) {
                current.addAll(added); // only now: the write is committed
              }
            });
    return new Appended(outcome.stored(), outcome.duplicates());
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
   * The aggregates of the event log, built from the log on first use (and after each import). Never
   * null.
   */
  public EventAggregates aggregates() throws IOException {
    EventAggregates current = aggregates;
    if (current != null) {
      return current;
    }
    writes.lock();
    try {
      if (aggregates == null) {
        rebuildAggregates();
      }
      return aggregates;
    } finally {
      writes.unlock();
    }
  }

  /** Recounts the aggregates from the whole event log; appends wait meanwhile. */
  public AggregateStats rebuildAggregates() throws IOException {
    writes.lock();
    try {
      long started = System.nanoTime();
      EventAggregates rebuilt =
          EventAggregates.rebuild(
              store.events(),
              options.feedback(),
              options.aggregates(),
              EventAggregates.Context.of(store.catalog(), store.fans()));
      aggregates = rebuilt;
      AggregateStats stats = rebuilt.stats();
      LOG.info(
          "aggregates rebuilt from {} events in {} ms: {} products, {} fans, {} neighbour entries",
          stats.eventsSeen(),
          (System.nanoTime() - started) / 1_000_000,
          stats.products(),
          stats.fans(),
          stats.neighbourEntries());
      return stats;
    } finally {
      writes.unlock();
    }
  }

  private void rebuildQuietly() {
    try {
      if (aggregates == null) {
        rebuildAggregates();
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("rebuilding the aggregates failed; they will be rebuilt on next use", e);
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
    rebuilder.shutdownNow();
    try {
      rebuilder.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writes.lock();
    try {
      store.close();
    } finally {
      writes.unlock();
    }
  }
}
