package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.aggregate.ScoredItem;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Signals;

/** What the whole platform engages with most (time-decayed): the last resort. */
public final class PopularSource implements CandidateSource {
  public static final String NAME = "popular";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void propose(
      RecommendRequest request, FanContext fan, Signals signals, Candidates.Sink sink, int budget) {
    for (ScoredItem item : signals.aggregates().popular(budget, request.now())) {
      Ordinals.add(signals.catalog(), item.product(), (float) item.score(), sink);
    }
  }
}
