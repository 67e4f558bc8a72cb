package io.fanshelf.indexer.store;

import java.io.Closeable;

/**
 * One storage backend: the four stores, opened together and closed together. Closing the backend
 * closes its stores.
 */
public interface StoreBackend extends Closeable {
  CatalogStore catalog();

  FanStore fans();

  EventStore events();

  MetadataStore metadata();

  /** A short name for logs and stats, e.g. "lucene:/var/lib/fanshelf". */
  String describe();
}
