package io.fanshelf.indexer.aggregate;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.CatalogStore;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.FanStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link EventAggregates.Context} over the catalog and fan stores of any backend. Thread-safe as
 * the stores are; it does not close them.
 */
final class StoreContext implements EventAggregates.Context {
  private final CatalogStore catalog;
  private final FanStore fans;

  StoreContext(CatalogStore catalog, FanStore fans) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.fans = Objects.requireNonNull(fans, "fans");
  }

  @Override
  public Optional<Product> product(ProductId id) {
    try {
      return catalog.get(id);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read product " + id + " from the catalog", e);
    }
  }

  @Override
  public List<FanProfile> profilesOf(FanId fan) {
    try {
      return fans.profilesOf(fan);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the profiles of fan " + fan, e);
    }
  }
}
