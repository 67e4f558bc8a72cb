package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.aggregate.ScoredItem;
import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Signals;

/** What this owner's fans engage with most (time-decayed). */
public final class OwnerPopularSource implements CandidateSource {
  public static final String NAME = "owner-popular";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void propose(
      RecommendRequest request, FanEvidence evidence, Candidates.Sink sink, int budget) {
    Signals signals = evidence.signals();
    for (ScoredItem item :
        signals.aggregates().popularAmongFansOf(request.owner(), budget, request.now())) {
      Ordinals.add(signals.catalog(), item.product(), (float) item.score(), sink);
    }
  }
}
