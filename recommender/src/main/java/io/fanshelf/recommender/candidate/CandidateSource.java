package io.fanshelf.recommender.candidate;

import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Signals;
import java.io.IOException;

/**
 * One way of finding products for a fan. Implementations are stateless and thread-safe; each
 * proposes at most {@code budget} products with a source score (higher is better, comparable within
 * the source only).
 */
public interface CandidateSource {
  /** A stable name: shown in API responses and used as a feature flag by the ranker. */
  String name();

  void propose(
      RecommendRequest request, FanContext fan, Signals signals, Candidates.Sink sink, int budget)
      throws IOException;
}
