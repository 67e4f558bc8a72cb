package io.fanshelf.recommender.rules;

import io.fanshelf.indexer.model.OwnerId;

/** Where the recommender reads an owner's pins and blocks (kept by the API). Thread-safe. */
@FunctionalInterface
public interface CurationLookup {
  /** No owner has pins or blocks. */
  CurationLookup NONE = owner -> Curation.none();

  Curation forOwner(OwnerId owner);
}
