package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Small platform data: the taxonomy versions and the owners. Thread-safe. */
public interface MetadataStore {

  /** The current taxonomy; an empty one before any import. */
  Taxonomy taxonomy();

  /** Every taxonomy version stored, oldest first. */
  List<Taxonomy> taxonomyHistory() throws IOException;

  /** Makes {@code taxonomy} current; the caller has checked it may replace the current one. */
  void publishTaxonomy(Taxonomy taxonomy) throws IOException;

  Optional<Owner> owner(OwnerId id);

  List<Owner> owners();

  /** Adds or replaces owners by id, all or none. */
  void upsertOwners(List<Owner> owners) throws IOException;
}
