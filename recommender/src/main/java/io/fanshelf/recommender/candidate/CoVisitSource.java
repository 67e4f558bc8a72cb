package io.fanshelf.recommender.candidate;

import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;

/**
 * Products that co-occur (other fans bought or viewed them close together) with the fan's recent
 * positive products, more recent ones weighing more: the best of {@link FanEvidence#coVisit}, the
 * same scores the co-visit feature and the "because you bought" reason read.
 */
public final class CoVisitSource implements CandidateSource {
  public static final String NAME = "co-visit";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void propose(
      RecommendRequest request, FanEvidence evidence, Candidates.Sink sink, int budget) {
    for (int ordinal : evidence.coVisitTop(budget)) {
      sink.add(ordinal, (float) evidence.coVisit(ordinal));
    }
  }
}
