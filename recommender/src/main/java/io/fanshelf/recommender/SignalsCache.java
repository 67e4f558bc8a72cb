package io.fanshelf.recommender;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.recommender.catalog.AggregateKeys;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import io.fanshelf.recommender.catalog.CategoryLeaders;
import io.fanshelf.recommender.catalog.RememberedSearches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Signals} current for serving: reloads the catalog snapshot when the indexer's
 * catalog version moves, recomputes category leaders when the aggregates are replaced or every
 * {@code leadersRefresh}, and starts remembering catalog searches afresh each time ({@link
 * RememberedSearches}). Thread-safe: readers get the current immutable instance; a refresh is done
 * by one thread while the others keep using the previous one. The first build (the whole catalog
 * read, the category leaders) runs on a thread of its own from construction, beside the rest of a
 * server's start; the first reader waits for it.
 */
final class SignalsCache {
  private static final Logger LOG = LoggerFactory.getLogger(SignalsCache.class);
  private static final int LEADERS_PER_CATEGORY = 200;
  // Distinct catalog searches remembered per Signals (each at most a source's budget of hits).
  private static final int REMEMBERED_SEARCHES = 2_048;

  private final Indexer indexer;
  private final Duration leadersRefresh;
  private final Clock clock;
  private volatile State state; // null until the first build is done
  private final ReentrantLock refreshing = new ReentrantLock();
  private final CompletableFuture<Void> firstBuild;

  private record State(
      Signals signals, long catalogVersion, EventAggregates aggregates, int taxonomy, Instant at) {}

  SignalsCache(Indexer indexer, Duration leadersRefresh, Clock clock) throws IOException {
    this.indexer = indexer;
    this.leadersRefresh = leadersRefresh;
    this.clock = clock;
    this.firstBuild =
        CompletableFuture.runAsync(
            this::buildFirst,
            task -> Thread.ofPlatform().daemon().name("signals-first-build").start(task));
  }

  private void buildFirst() {
    try {
      long started = System.nanoTime();
      State built = build(null);
      LOG.info(
          "recommender signals built in {} ms: {} products, {} categories",
          (System.nanoTime() - started) / 1_000_000,
          built.signals().catalog().size(),
          built.signals().catalog().categoryCount());
      refreshing.lock();
      try {
        if (state == null) {
          state = built;
        }
      } finally {
        refreshing.unlock();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Signals current() throws IOException {
    State current = state;
    if (current == null) {
      current = awaitFirst();
    }
    if (isStale(current)) {
      if (!refreshing.tryLock()) {
        return current.signals(); // another thread is refreshing: keep serving the previous one
      }
      try {
        if (isStale(state)) {
          state = build(state);
        }
      } finally {
        refreshing.unlock();
      }
    }
    return state.signals();
  }

  /** The first build's result; built here when it failed (its error is the caller's then). */
  private State awaitFirst() throws IOException {
    firstBuild.handle((done, failed) -> null).join();
    refreshing.lock();
    try {
      if (state == null) {
        state = build(null);
      }
      return state;
    } finally {
      refreshing.unlock();
    }
  }

  private boolean isStale(State current) throws IOException {
    return current.catalogVersion() != indexer.catalogVersion()
        || current.aggregates() != indexer.aggregates()
        || current.taxonomy() != indexer.store().metadata().taxonomy().version()
        || clock.instant().isAfter(current.at().plus(leadersRefresh));
  }

  private State build(State previous) throws IOException {
    long catalogVersion = indexer.catalogVersion();
    CatalogSnapshot catalog =
        previous != null && previous.catalogVersion() == catalogVersion
            ? previous.signals().catalog()
            : CatalogSnapshot.load(indexer.store().catalog());
    EventAggregates aggregates = indexer.aggregates();
    Instant now = clock.instant();
    CategoryLeaders leaders =
        CategoryLeaders.compute(catalog, aggregates, now, LEADERS_PER_CATEGORY);
    var taxonomy = indexer.store().metadata().taxonomy();
    // the keys remembered so far stay valid while catalog and aggregates do: no cold start
    AggregateKeys keys =
        previous != null && previous.signals().keys().stillCovers(catalog, aggregates)
            ? previous.signals().keys()
            : new AggregateKeys(catalog, aggregates);
    Signals signals =
        new Signals(
            catalog,
            new RememberedSearches(indexer.store().catalog(), REMEMBERED_SEARCHES),
            aggregates,
            leaders,
            taxonomy,
            indexer.options().feedback(),
            keys);
    return new State(signals, catalogVersion, aggregates, taxonomy.version(), now);
  }
}
