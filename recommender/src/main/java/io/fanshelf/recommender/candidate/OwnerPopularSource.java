package io.fanshelf.recommender.candidate;

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
    Ordinals.addKeyed(
        signals.keys(),
        signals.aggregates().popularAmongFansOfKeys(request.owner(), budget, request.now()),
        sink);
  }
}
