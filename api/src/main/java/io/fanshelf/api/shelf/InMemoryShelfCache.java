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

/**
 * Shelves in a map, fresh for {@code ttl}; stale entries are dropped when met and on every 1,024th
 * write. Counts hits and misses as {@code fanshelf.shelf.cache{result=hit|miss}}. Thread-safe.
 */
public final class InMemoryShelfCache implements ShelfCache {
  private record Key(OwnerId owner, FanId fan) {}

  private final Map<Key, Shelf> shelves = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;
  private final Counter hits;
  private final Counter misses;
  private int writes;

  public InMemoryShelfCache(Duration ttl, Clock clock, MeterRegistry registry) {
    this.ttl = ttl;
    this.clock = clock;
    this.hits = Counter.builder("fanshelf.shelf.cache").tag("result", "hit").register(registry);
    this.misses = Counter.builder("fanshelf.shelf.cache").tag("result", "miss").register(registry);
  }

  @Override
  public Optional<Shelf> get(OwnerId owner, FanId fan) {
    Key key = new Key(owner, fan);
    Shelf shelf = shelves.get(key);
    if (shelf != null && fresh(shelf)) {
      hits.increment();
      return Optional.of(shelf);
    }
    if (shelf != null) {
      shelves.remove(key, shelf);
    }
    misses.increment();
    return Optional.empty();
  }

  @Override
  public void put(Shelf shelf) {
    shelves.put(new Key(shelf.owner(), shelf.fan()), shelf);
    synchronized (this) {
      if (++writes % 1024 == 0) {
        shelves.values().removeIf(s -> !fresh(s));
      }
    }
  }

  @Override
  public void invalidate(OwnerId owner, FanId fan) {
    shelves.remove(new Key(owner, fan));
  }

  @Override
  public void invalidate(OwnerId owner) {
    shelves.keySet().removeIf(key -> key.owner().equals(owner));
  }

  private boolean fresh(Shelf shelf) {
    return clock.instant().isBefore(shelf.rankedAt().plus(ttl));
  }
}
