package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Product;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The product catalog. Implementations are thread-safe; the backend that opened a store closes it.
 */
public interface CatalogStore extends CatalogReader, Closeable {

  /**
   * Adds or replaces products by id, all or none; durable when it returns. A replaced product whose
   * price or stock differs from the stored one gets a {@link ProductChange} at {@code at}; one that
   * did not change keeps its earlier change.
   */
  void upsert(List<Product> products, Instant at) throws IOException;

  /** {@link #upsert(List, Instant)} now, for tests and tools without a clock of their own. */
  default void upsert(List<Product> products) throws IOException {
    upsert(products, Instant.now());
  }
}
