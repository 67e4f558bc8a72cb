package io.fanshelf.recommender.candidate;

import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;

/**
 * The best products for the fan by one of the ranking's collaborative models, from the fan's
 * history at this moment (a product viewed a second ago counts): {@code als} (implicit ALS folded
 * in), {@code item-cf} (the item-to-item model) or {@code user-knn} (the nearest fans). Proposes
 * nothing when the ranking has no such model or the fan no history.
 */
public final class CollaborativeSource implements CandidateSource {
  public static final String ALS = "als";
  public static final String ITEM_CF = "item-cf";
  public static final String USER_KNN = "user-knn";

  private final String name;

  CollaborativeSource(String name) {
    if (!name.equals(ALS) && !name.equals(ITEM_CF) && !name.equals(USER_KNN)) {
      throw new IllegalArgumentException("unknown collaborative source '" + name + "'");
    }
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void propose(
      RecommendRequest request, FanEvidence evidence, Candidates.Sink sink, int budget) {
    int[] top =
        switch (name) {
          case ALS -> evidence.factorTop(budget);
          case ITEM_CF -> evidence.itemTop(budget);
          default -> evidence.fanTop(budget);
        };
    // the sink keeps positive scores: rank-based, so that negative model scores still count
    for (int rank = 0; rank < top.length; rank++) {
      sink.add(top[rank], 1f / (1 + rank));
    }
  }
}
