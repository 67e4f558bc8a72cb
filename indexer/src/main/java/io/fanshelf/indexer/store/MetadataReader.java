package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reading the small platform data: the taxonomy versions and the owners. Written only by the
 * indexer's imports. Thread-safe.
 */
public interface MetadataReader {

  /** The current taxonomy; an empty one before any import. */
  Taxonomy taxonomy();

  /** Every taxonomy version stored, oldest first. */
  List<Taxonomy> taxonomyHistory() throws IOException;

  Optional<Owner> owner(OwnerId id);

  List<Owner> owners();
}
