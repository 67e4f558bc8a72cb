package io.fanshelf.indexer.aggregate;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.CatalogReader;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.FanReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link EventAggregates.Context} over the catalog and fan stores of any backend. Asked for many
 * products or fans at once, it reads the whole store in one pass when they are a good part of it
 * (one paged scan instead of a request per id on a remote store). Thread-safe as the stores are; it
 * does not close them.
 */
final class StoreContext implements EventAggregates.Context {
  /** Fewer ids than this are looked up one by one. */
  private static final int MIN_FOR_SCAN = 256;

  /** ... and so are ids that are less than this part (1/n) of the store. */
  private static final int SCAN_FRACTION = 8;

  private final CatalogReader catalog;
  private final FanReader fans;

  StoreContext(CatalogReader catalog, FanReader fans) {
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

  @Override
  public Map<ProductId, Product> products(Collection<ProductId> ids) {
    try {
      if (!worthScanning(ids.size(), catalog.count())) {
        return EventAggregates.Context.super.products(ids);
      }
      Set<ProductId> wanted = new HashSet<>(ids);
      Map<ProductId, Product> found = new HashMap<>();
      catalog.forEach(
          product -> {
            if (wanted.contains(product.id())) {
              found.put(product.id(), product);
            }
          });
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the catalog", e);
    }
  }

  @Override
  public Map<FanId, List<FanProfile>> profilesOf(Collection<FanId> ids) {
    try {
      if (!worthScanning(ids.size(), fans.count())) {
        return EventAggregates.Context.super.profilesOf(ids);
      }
      Set<FanId> wanted = new HashSet<>(ids);
      Map<FanId, List<FanProfile>> found = new HashMap<>();
      fans.forEach(
          profile -> {
            if (wanted.contains(profile.fan().id())) {
              found.computeIfAbsent(profile.fan().id(), id -> new ArrayList<>()).add(profile);
            }
          });
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the fans", e);
    }
  }

  private static boolean worthScanning(int wanted, long stored) {
    return wanted >= MIN_FOR_SCAN && (long) wanted * SCAN_FRACTION >= stored;
  }
}
