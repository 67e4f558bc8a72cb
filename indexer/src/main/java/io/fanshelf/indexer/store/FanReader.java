package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reading owners' fans and their labels: what {@code Indexer.store()} hands out, so that labels are
 * only written through the indexer (which keeps the label statistics in step). Thread-safe.
 */
public interface FanReader {

  Optional<FanProfile> get(OwnerId owner, FanId fan) throws IOException;

  FanPage find(FanQuery query) throws IOException;

  /** Every owner's profile of this fan; for platform-side aggregates, never for an owner. */
  List<FanProfile> profilesOf(FanId fan) throws IOException;

  long count() throws IOException;

  /** Visits every (owner, fan) profile, in no particular order. */
  void forEach(Consumer<FanProfile> visitor) throws IOException;
}
