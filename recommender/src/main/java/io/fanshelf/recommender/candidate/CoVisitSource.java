package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.aggregate.ScoredItem;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Signals;
import java.util.List;

/**
 * Products that co-occur (other fans bought or viewed them close together) with the fan's recent
 * positive items; more recent items weigh more.
 */
public final class CoVisitSource implements CandidateSource {
  public static final String NAME = "co-visit";
  static final int RECENT_ITEMS = 10;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void propose(
      RecommendRequest request, FanContext fan, Signals signals, Candidates.Sink sink, int budget) {
    List<ProductId> recent = fan.recentPositiveProducts(signals.feedback(), RECENT_ITEMS);
    if (recent.isEmpty()) {
      return;
    }
    int perItem = Math.max(10, budget / recent.size());
    for (int i = 0; i < recent.size(); i++) {
      double recency = 1.0 / (1 + 0.3 * i);
      for (ScoredItem neighbour : signals.aggregates().coOccurring(recent.get(i), perItem)) {
        Ordinals.add(
            signals.catalog(), neighbour.product(), (float) (neighbour.score() * recency), sink);
      }
    }
  }
}
