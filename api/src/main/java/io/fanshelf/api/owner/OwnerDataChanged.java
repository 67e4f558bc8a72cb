package io.fanshelf.api.owner;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.util.Optional;

/**
 * Published when an owner's labels, pins or blocks change, so that cached shelves go stale: for one
 * fan when {@code fan} is present, for all the owner's fans otherwise.
 */
public record OwnerDataChanged(OwnerId owner, Optional<FanId> fan) {}
