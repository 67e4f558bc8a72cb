package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.store.CatalogQuery;
import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Signals;
import java.io.IOException;
import java.time.Duration;

/** Products created within the window before the request, newest first. */
public final class NewArrivalsSource implements CandidateSource {
  public static final String NAME = "new-arrivals";

  /** How long a product counts as new. */
  public static final Duration WINDOW = Duration.ofDays(30);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void propose(
      RecommendRequest request, FanEvidence evidence, Candidates.Sink sink, int budget)
      throws IOException {
    Signals signals = evidence.signals();
    CatalogQuery query =
        CatalogQuery.builder(budget)
            .inStockOnly()
            .createdAfter(request.now().minus(WINDOW))
            .categoryPrefixes(request.categoryPrefixes())
            .order(CatalogQuery.Order.NEWEST)
            .build();
    var hits = signals.search().search(query);
    for (int rank = 0; rank < hits.size(); rank++) {
      Ordinals.add(signals.catalog(), hits.get(rank).id(), 1f / (1 + rank), sink);
    }
  }
}
