package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Product;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The product catalog. Implementations are thread-safe; the backend that opened a store closes it.
 */
public interface CatalogStore extends CatalogReader, Closeable {

  /** Adds or replaces products by id, all or none; durable when it returns. */
  void upsert(List<Product> products) throws IOException;
}
