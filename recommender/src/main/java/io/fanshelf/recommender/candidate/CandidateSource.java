package io.fanshelf.recommender.candidate;

import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;
import java.io.IOException;

/**
 * One way of finding products for a fan. Implementations are stateless and thread-safe; each
 * proposes at most {@code budget} products with a source score (higher is better, comparable within
 * the source only).
 */
public interface CandidateSource {
  /** A stable name: shown in API responses and used as a feature flag by the ranker. */
  String name();

  /**
   * Proposes products for the fan the evidence describes.
   *
   * @param evidence the fan, the platform's signals and what this request worked out about the fan
   */
  void propose(RecommendRequest request, FanEvidence evidence, Candidates.Sink sink, int budget)
      throws IOException;
}
