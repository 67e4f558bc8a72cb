package io.fanshelf.recommender.feature;

import io.fanshelf.recommender.candidate.CandidateSources;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of the features, in vector order. A trained model records the schema it was trained on,
 * and is refused when it differs from this one.
 */
public final class FeatureSchema {
  /** Features that do not depend on which sources proposed the candidate. */
  static final List<String> BASE =
      List.of(
          "label_rule_match", // sum of confidences of the fan's label values whose rule matches
          "label_lift", // mean log lift of the fan's label values for the product's category
          "category_affinity", // fan's time-decayed share of the product's leaf category
          "top_category_affinity", // fan's share of the product's top-level category
          "brand_affinity", // fan's share of the product's brand
          "co_visit", // co-occurrence with the fan's recent positive items, recency-weighted
          "log_popularity", // log1p of time-decayed platform popularity
          "log_owner_popularity", // log1p of popularity among this owner's fans
          "trend", // short-term over long-term popularity
          "log_age_days", // log1p of days since the product was created
          "price_vs_usual", // log(price / the fan's typical price); 0 when unknown
          "log_fan_events", // log1p of the fan's positive events (how much we know)
          "log_fan_product_events", // log1p of the fan's events on this very product
          "bought_before", // 1 when the fan bought this product before
          "has_labels"); // 1 when the owner labelled this fan

  private static final List<String> NAMES = build();

  private FeatureSchema() {}

  private static List<String> build() {
    List<String> names = new ArrayList<>(BASE);
    for (String source : CandidateSources.names()) {
      names.add("source_" + source.replace('-', '_'));
    }
    return List.copyOf(names);
  }

  /** All feature names in vector order. */
  public static List<String> names() {
    return NAMES;
  }

  public static int size() {
    return NAMES.size();
  }

  public static int indexOf(String name) {
    int index = NAMES.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("unknown feature '" + name + "'");
    }
    return index;
  }

  /** The slot of a candidate source's score. */
  static int sourceSlot(int sourceIndex) {
    return BASE.size() + sourceIndex;
  }
}
