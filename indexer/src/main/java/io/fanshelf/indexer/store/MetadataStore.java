package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.io.IOException;
import java.util.List;

/** Small platform data: the taxonomy versions and the owners. Thread-safe. */
public interface MetadataStore extends MetadataReader {

  /** Makes {@code taxonomy} current; the caller has checked it may replace the current one. */
  void publishTaxonomy(Taxonomy taxonomy) throws IOException;

  /** Adds or replaces owners by id, all or none. */
  void upsertOwners(List<Owner> owners) throws IOException;
}
