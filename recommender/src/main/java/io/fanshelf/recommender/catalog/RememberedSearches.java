package io.fanshelf.recommender.catalog;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductChange;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.CatalogQuery;
import io.fanshelf.indexer.store.CatalogReader;
import io.fanshelf.indexer.store.ScoredProduct;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The catalog as serving searches it: the answers of recent searches remembered, because fans with
 * the same labels ask the same label-match query (a platform has a handful of skin types and many
 * thousands of fans). Serving makes a new one with every {@link io.fanshelf.recommender.Signals}
 * (when the catalog changes, and each time category leaders are recomputed), so an answer is never
 * older than that. Searches with a {@code createdAfter} bound (new arrivals, relative to the
 * request's time) are not remembered. Thread-safe.
 */
public final class RememberedSearches implements CatalogReader {
  private final CatalogReader store;
  private final Map<CatalogQuery, List<ScoredProduct>> answers;

  /**
   * @param maxSearches how many distinct searches are remembered (least recently used go first)
   */
  public RememberedSearches(CatalogReader store, int maxSearches) {
    this.store = store;
    this.answers =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<CatalogQuery, List<ScoredProduct>> eldest) {
            return size() > maxSearches;
          }
        };
  }

  @Override
  public List<ScoredProduct> search(CatalogQuery query) throws IOException {
    if (query.createdAfter().isPresent()) {
      return store.search(query);
    }
    synchronized (answers) {
      List<ScoredProduct> known = answers.get(query);
      if (known != null) {
        return known;
      }
    }
    // Searched outside the lock: two threads missing together both search, and agree.
    List<ScoredProduct> found = List.copyOf(store.search(query));
    synchronized (answers) {
      answers.put(query, found);
    }
    return found;
  }

  @Override
  public Optional<Product> get(ProductId id) throws IOException {
    return store.get(id);
  }

  @Override
  public long count() throws IOException {
    return store.count();
  }

  @Override
  public List<ProductChange> changedSince(Instant since) throws IOException {
    return store.changedSince(since);
  }

  @Override
  public void forEach(Consumer<Product> visitor) throws IOException {
    store.forEach(visitor);
  }
}
