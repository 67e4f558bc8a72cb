package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Signals;
import java.util.List;

/** What the fan viewed or clicked lately, most recent first. */
public final class RecentlyViewedSource implements CandidateSource {
  public static final String NAME = "recently-viewed";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void propose(
      RecommendRequest request, FanEvidence evidence, Candidates.Sink sink, int budget) {
    FanContext fan = evidence.fan();
    Signals signals = evidence.signals();
    List<ProductId> viewed = fan.recentlyViewed(budget);
    for (int rank = 0; rank < viewed.size(); rank++) {
      Ordinals.add(signals.catalog(), viewed.get(rank), 1f / (1 + rank), sink);
    }
  }
}
