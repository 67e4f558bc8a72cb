package io.fanshelf.indexer.store;

/**
 * Read access to the four stores of one backend: what {@code Indexer.store()} hands out. Every
 * write goes through the {@code Indexer}, which validates it, serialises it with the others and
 * keeps the in-memory aggregates and versions in step. Thread-safe; closed with the indexer.
 */
public interface StoreReader {
  CatalogReader catalog();

  FanReader fans();

  EventReader events();

  MetadataReader metadata();

  /** A short name for logs and stats, e.g. "lucene:/var/lib/fanshelf". */
  String describe();
}
