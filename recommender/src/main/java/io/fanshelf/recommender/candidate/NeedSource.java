package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.store.CatalogQuery;
import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Signals;
import java.io.IOException;

/** Text search for the fan's free-text need ("想买花茶 调理身体"), then personalised by the ranker. */
public final class NeedSource implements CandidateSource {
  public static final String NAME = "need";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void propose(
      RecommendRequest request, FanEvidence evidence, Candidates.Sink sink, int budget)
      throws IOException {
    Signals signals = evidence.signals();
    if (request.need().isEmpty()) {
      return;
    }
    CatalogQuery query =
        CatalogQuery.builder(budget)
            .text(request.need().get())
            .inStockOnly()
            .categoryPrefixes(request.categoryPrefixes())
            .build();
    Ordinals.addHits(signals.catalog(), signals.search().search(query), sink);
  }
}
