package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.OwnerId;
import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Owners' fans and their labels, kept per (owner, fan). Thread-safe; the backend that opened a
 * store closes it.
 */
public interface FanStore extends Closeable {

  /** Adds or updates fan memberships, all or none; labels already set are kept. */
  void upsertFans(List<Fan> fans) throws IOException;

  /**
   * Sets labels, all or none: each replaces the label of its (owner, fan, dimension). A label for a
   * fan the owner does not have yet adds the fan, joined at the label's time.
   */
  void setLabels(List<Label> labels) throws IOException;

  /** Removes the owner's labels on the fan for these dimensions; returns whether any existed. */
  boolean removeLabels(OwnerId owner, FanId fan, Collection<String> dimensions) throws IOException;

  Optional<FanProfile> get(OwnerId owner, FanId fan) throws IOException;

  FanPage find(FanQuery query) throws IOException;

  /** Every owner's profile of this fan; for platform-side aggregates, never for an owner. */
  List<FanProfile> profilesOf(FanId fan) throws IOException;

  long count() throws IOException;

  /** Visits every (owner, fan) profile, in no particular order. */
  void forEach(Consumer<FanProfile> visitor) throws IOException;
}
