package io.fanshelf.recommender.collaborative;

import io.fanshelf.indexer.model.FanId;

/**
 * A fitted collaborative model: it scores products for a fan from the fan's current history.
 * Implementations are immutable and thread-safe.
 */
public sealed interface CollaborativeModel
    permits FactorModel, ItemNeighbourModel, FanNeighbourModel {

  /** How it was fitted: {@code ials}, {@code ease}, {@code item-knn}, {@code rp3beta}, ... */
  String algorithm();

  /** The products it knows, in its row order. */
  ItemIndex items();

  /**
   * Emits the fan's score of every product the model can score for this history (for ALS every
   * product; for the neighbourhood models only those reached), at most once per row for ALS and
   * possibly several partial sums per row for the others: the sink adds them up.
   */
  void scores(FanId fan, FanItems history, ScoreSink sink);
}
