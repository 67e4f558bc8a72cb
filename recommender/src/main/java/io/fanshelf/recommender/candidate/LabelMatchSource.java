package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.store.CatalogQuery;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Signals;
import java.io.IOException;
import java.util.Optional;

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
      RecommendRequest request, FanContext fan, Signals signals, Candidates.Sink sink, int budget)
      throws IOException {
    CatalogQuery.Builder query =
        CatalogQuery.builder(budget).inStockOnly().categoryPrefixes(request.categoryPrefixes());
    boolean anyRule = false;
    for (Label label : fan.labels()) {
      Optional<Dimension> dimension = signals.taxonomy().dimension(label.dimension());
      if (dimension.isEmpty()) {
        continue;
      }
      for (String valueId : label.values()) {
        Optional<DimensionValue> value = dimension.get().value(valueId);
        if (value.isPresent() && value.get().match().isPresent()) {
          query.rule(value.get().match().get(), (float) label.confidence());
          anyRule = true;
        }
      }
    }
    if (anyRule) {
      Ordinals.addHits(signals.catalog(), signals.search().search(query.build()), sink);
    }
  }
}
