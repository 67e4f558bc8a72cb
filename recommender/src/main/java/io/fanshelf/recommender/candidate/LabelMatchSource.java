package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.store.CatalogQuery;
import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Signals;
import java.io.IOException;

/**
 * Products matching the taxonomy match rules of the fan's labels from this owner, each rule
 * weighted by the label's confidence: one catalog query. Private labels count here (they rank);
 * they never reach a reason.
 */
public final class LabelMatchSource implements CandidateSource {
  public static final String NAME = "label-match";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void propose(
      RecommendRequest request, FanEvidence evidence, Candidates.Sink sink, int budget)
      throws IOException {
    Signals signals = evidence.signals();
    CatalogQuery.Builder query =
        CatalogQuery.builder(budget).inStockOnly().categoryPrefixes(request.categoryPrefixes());
    boolean anyRule = false;
    for (FanEvidence.LabelRule rule : evidence.labelRules()) {
      query.rule(rule.value().match().orElseThrow(), (float) rule.weight());
      anyRule = true;
    }
    if (anyRule) {
      Ordinals.addHits(signals.catalog(), signals.search().search(query.build()), sink);
    }
  }
}
