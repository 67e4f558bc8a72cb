package io.fanshelf.api.online;

import io.fanshelf.api.shelf.InMemoryShelfCache;
import io.fanshelf.api.shelf.ShelfCache;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

class InMemoryShelfCacheTest extends ShelfCacheContract {
  @Override
  protected ShelfCache create(
      Duration ttl, Clock clock, Function<ProductId, Optional<Product>> products) {
    return new InMemoryShelfCache(ttl, clock, new SimpleMeterRegistry());
  }
}
