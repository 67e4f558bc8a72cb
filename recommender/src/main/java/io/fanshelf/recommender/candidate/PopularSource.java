package io.fanshelf.recommender.candidate;

import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Signals;

/**
 * What the whole platform engages with most: half the budget by time-decayed popularity (what sells
 * now), the rest by the undecayed total (what has sold most), so that a ranking by either finds its
 * head among the candidates.
 */
public final class PopularSource implements CandidateSource {
  public static final String NAME = "popular";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void propose(
      RecommendRequest request, FanEvidence evidence, Candidates.Sink sink, int budget) {
    Signals signals = evidence.signals();
    int recent = (budget + 1) / 2;
    Ordinals.addKeyed(
        signals.keys(), signals.aggregates().popularKeys(recent, request.now()), sink);
    if (budget > recent) {
      Ordinals.addKeyed(
          signals.keys(), signals.aggregates().mostReachedKeys(budget - recent), sink);
    }
  }
}
