package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelRemoval;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Owners' fans and their labels, kept per (owner, fan). Thread-safe; the backend that opened a
 * store closes it.
 */
public interface FanStore extends FanReader, Closeable {

  /** Adds or updates fan memberships, all or none; labels already set are kept. */
  void upsertFans(List<Fan> fans) throws IOException;

  /**
   * Sets labels, all or none: each replaces the label of its (owner, fan, dimension). A label for a
   * fan the owner does not have yet adds the fan, joined at the label's time.
   */
  default void setLabels(List<Label> labels) throws IOException {
    changeLabels(labels, List.of());
  }

  /**
   * Sets labels as {@link #setLabels} does and removes others, all in one write, all or none. The
   * removals apply after the labels set; removing a label that does not exist (or of a fan the
   * owner does not have) changes nothing.
   */
  void changeLabels(List<Label> set, List<LabelRemoval> removals) throws IOException;
}
