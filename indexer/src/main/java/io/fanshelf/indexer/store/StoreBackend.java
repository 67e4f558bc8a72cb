package io.fanshelf.indexer.store;

import java.io.Closeable;

/**
 * One storage backend: the four stores, opened together and closed together, with their write
 * methods. Closing the backend closes its stores. Only the indexer writes through it; others read
 * through {@link StoreReader}.
 */
public interface StoreBackend extends StoreReader, Closeable {
  @Override
  CatalogStore catalog();

  @Override
  FanStore fans();

  @Override
  EventStore events();

  @Override
  MetadataStore metadata();
}
