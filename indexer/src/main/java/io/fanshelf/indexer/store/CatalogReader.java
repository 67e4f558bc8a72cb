package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductChange;
import io.fanshelf.indexer.model.ProductId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reading the product catalog: what {@code Indexer.store()} hands out, so that the catalog is only
 * written through the indexer's imports. Implementations are thread-safe.
 */
public interface CatalogReader {

  Optional<Product> get(ProductId id) throws IOException;

  /** Products matching a query, best first. */
  List<ScoredProduct> search(CatalogQuery query) throws IOException;

  long count() throws IOException;

  /**
   * The latest price or stock change of every product that changed after {@code since} (see {@link
   * CatalogStore#upsert(List, Instant)}), newest first, ties by product id.
   */
  List<ProductChange> changedSince(Instant since) throws IOException;

  /** Visits every product, in no particular order. */
  void forEach(Consumer<Product> visitor) throws IOException;

  /**
   * Every product, in no particular order, as one list: what a whole-catalog snapshot reads. A
   * backend may read it on several threads.
   */
  default List<Product> all() throws IOException {
    List<Product> all = new ArrayList<>();
    forEach(all::add);
    return all;
  }
}
