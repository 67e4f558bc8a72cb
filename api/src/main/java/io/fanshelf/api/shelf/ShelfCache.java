package io.fanshelf.api.shelf;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
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

  /** Makes every shelf of an owner stale. */
  void invalidate(OwnerId owner);

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
