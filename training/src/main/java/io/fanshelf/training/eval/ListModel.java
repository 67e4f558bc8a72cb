package io.fanshelf.training.eval;

import io.fanshelf.training.dataset.FanCase;

/**
 * A ranking of its own for a fan (a baseline, a collaborative model): the head of the list, best
 * first, in catalog ordinals of the snapshot it was built on; the evaluation follows it with the
 * popularity order. Thread-safe.
 */
public interface ListModel {
  /** The report's name, e.g. {@code popularity} or {@code ease}. */
  String name();

  int[] head(FanCase fan);
}
