package io.fanshelf.recommender.ranking;

import io.fanshelf.recommender.feature.FeatureSchema;
import java.util.List;
import java.util.Map;

/**
 * A hand-set linear ranker for when no model is published: a weighted sum of features. The weights
 * say what a sensible shop assistant would do: match the fan's labels first, then what the fan
 * keeps buying (category affinity, items bought together with theirs), then what is popular with
 * this owner's fans and overall, with a little for trends and new products.
 */
public final class HeuristicRanker implements Ranker {
  /** The weights, by feature name; features not listed weigh 0. */
  public static final Map<String, Double> WEIGHTS =
      Map.ofEntries(
          Map.entry("label_rule_match", 0.5),
          Map.entry("label_lift", 1.0),
          Map.entry("category_affinity", 4.0),
          Map.entry("top_category_affinity", 0.5),
          Map.entry("brand_affinity", 0.5),
          Map.entry("co_visit", 3.0),
          Map.entry("log_popularity", 0.35),
          Map.entry("log_owner_popularity", 0.25),
          Map.entry("trend", 0.1),
          Map.entry("log_age_days", -0.05),
          Map.entry("bought_before", -0.5),
          Map.entry("source_need", 0.3),
          Map.entry("source_new_arrivals", 0.5));

  private final double[] weights = new double[FeatureSchema.size()];

  public HeuristicRanker() {
    WEIGHTS.forEach((name, weight) -> weights[FeatureSchema.indexOf(name)] = weight);
  }

  @Override
  public String name() {
    return "heuristic-v1";
  }

  @Override
  public List<String> featureNames() {
    return FeatureSchema.names();
  }

  @Override
  public double score(float[] features) {
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * features[i];
    }
    return sum;
  }
}
