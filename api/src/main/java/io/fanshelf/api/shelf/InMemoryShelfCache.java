package io.fanshelf.api.shelf;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Shelves in memory by fan, then owner (a purchase drops one fan's shelves at once), fresh for
 * {@code ttl}; stale entries are dropped when met and on every 1,024th write. Counts hits and
 * misses as {@code fanshelf.shelf.cache{result=hit|miss}}. Thread-safe.
 */
public final class InMemoryShelfCache implements ShelfCache {
  private final Map<FanId, Map<OwnerId, Shelf>> shelves = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;
  private final Counter hits;
  private final Counter misses;
  private final AtomicLong invalidations = new AtomicLong();
  private int writes;

  public InMemoryShelfCache(Duration ttl, Clock clock, MeterRegistry registry) {
    this.ttl = ttl;
    this.clock = clock;
    this.hits = ShelfCache.counter(registry, "hit");
    this.misses = ShelfCache.counter(registry, "miss");
  }

  @Override
  public Optional<Shelf> get(OwnerId owner, FanId fan) {
    Map<OwnerId, Shelf> byOwner = shelves.get(fan);
    Shelf shelf = byOwner == null ? null : byOwner.get(owner);
    if (shelf != null && fresh(shelf)) {
      hits.increment();
      return Optional.of(shelf);
    }
    if (shelf != null) {
      byOwner.remove(owner, shelf);
    }
    misses.increment();
    return Optional.empty();
  }

  /** An invalidation while ranking wins: the shelf ranked meanwhile is served once, not cached. */
  @Override
  public Shelf get(OwnerId owner, FanId fan, Supplier<Shelf> rank) {
    Optional<Shelf> cached = get(owner, fan);
    if (cached.isPresent()) {
      return cached.get();
    }
    long before = invalidations.get();
    Shelf shelf = rank.get();
    put(shelf);
    if (invalidations.get() != before) {
      invalidate(owner, fan);
    }
    return shelf;
  }

  @Override
  public void put(Shelf shelf) {
    shelves
        .computeIfAbsent(shelf.fan(), fan -> new ConcurrentHashMap<>())
        .put(shelf.owner(), shelf);
    synchronized (this) {
      if (++writes % 1024 == 0) {
        shelves.values().forEach(byOwner -> byOwner.values().removeIf(s -> !fresh(s)));
        shelves.values().removeIf(Map::isEmpty);
      }
    }
  }

  @Override
  public void invalidate(OwnerId owner, FanId fan) {
    invalidations.incrementAndGet();
    Map<OwnerId, Shelf> byOwner = shelves.get(fan);
    if (byOwner != null) {
      byOwner.remove(owner);
    }
  }

  @Override
  public void invalidate(OwnerId owner) {
    invalidations.incrementAndGet();
    shelves.values().forEach(byOwner -> byOwner.remove(owner));
  }

  @Override
  public void invalidate(FanId fan) {
    invalidations.incrementAndGet();
    shelves.remove(fan);
  }

  @Override
  public void invalidateAll() {
    invalidations.incrementAndGet();
    shelves.clear();
  }

  private boolean fresh(Shelf shelf) {
    return clock.instant().isBefore(shelf.rankedAt().plus(ttl));
  }
}
