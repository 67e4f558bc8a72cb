package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The product catalog. Implementations are thread-safe; the backend that opened a store closes it.
 */
public interface CatalogStore extends Closeable {

  /** Adds or replaces products by id, all or none; durable when it returns. */
  void upsert(List<Product> products) throws IOException;

  Optional<Product> get(ProductId id) throws IOException;

  /** Products matching a query, best first. */
  List<ScoredProduct> search(CatalogQuery query) throws IOException;

  long count() throws IOException;

  /** Visits every product, in no particular order. */
  void forEach(Consumer<Product> visitor) throws IOException;
}
