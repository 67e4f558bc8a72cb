package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.aggregate.KeyedScores;
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
      // by aggregate key: neighbours map to ordinals through an array, not a product id lookup
      KeyedScores neighbours =
          signals.aggregates().coOccurring(signals.aggregates().productKey(recent.get(i)), perItem);
      for (int n = 0; n < neighbours.size(); n++) {
        int ordinal = signals.keys().ordinal(neighbours.key(n));
        if (ordinal >= 0) {
          sink.add(ordinal, (float) (neighbours.score(n) * recency));
        }
      }
    }
  }
}
