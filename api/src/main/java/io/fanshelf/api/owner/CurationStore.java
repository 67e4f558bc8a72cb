package io.fanshelf.api.owner;

import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.rules.CurationLookup;
import java.io.IOException;

/**
 * Owners' pins (always shown first) and blocks (never shown), read by the recommender through
 * {@link CurationLookup}. Thread-safe; durable when a write returns.
 */
public interface CurationStore extends CurationLookup {
  /** Pins a product at the end of the owner's pins; false when it was pinned already. */
  boolean pin(OwnerId owner, ProductId product) throws IOException;

  boolean unpin(OwnerId owner, ProductId product) throws IOException;

  /** Blocks a product (and unpins it); false when it was blocked already. */
  boolean block(OwnerId owner, ProductId product) throws IOException;

  boolean unblock(OwnerId owner, ProductId product) throws IOException;
}
