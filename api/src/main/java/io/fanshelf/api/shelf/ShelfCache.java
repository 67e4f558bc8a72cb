package io.fanshelf.api.shelf;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Ranked shelves, reused for a short time. The embedded default is in memory ({@link
 * InMemoryShelfCache}); several API nodes share one in Redis. Thread-safe.
 */
public interface ShelfCache {
  /** The cached shelf of (owner, fan), if fresh. */
  Optional<Shelf> get(OwnerId owner, FanId fan);

  void put(Shelf shelf);

  /** Makes one fan's shelf stale. */
  void invalidate(OwnerId owner, FanId fan);

  /** Makes every shelf of an owner stale (pins, blocks, bulk label changes). */
  void invalidate(OwnerId owner);

  /** Makes every shelf of a fan stale, whichever owner's (a purchase). */
  void invalidate(FanId fan);

  /** Makes every shelf stale (a newly published model). */
  void invalidateAll();

  /** The hit/miss counter {@code fanshelf.shelf.cache{result}} every implementation reports. */
  static Counter counter(MeterRegistry registry, String result) {
    return Counter.builder("fanshelf.shelf.cache").tag("result", result).register(registry);
  }

  /** A fresh value from the cache or from {@code rank}, which is then cached. */
  default Shelf get(OwnerId owner, FanId fan, Supplier<Shelf> rank) {
    Optional<Shelf> cached = get(owner, fan);
    if (cached.isPresent()) {
      return cached.get();
    }
    Shelf shelf = rank.get();
    put(shelf);
    return shelf;
  }
}
