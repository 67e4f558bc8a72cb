package io.fanshelf.recommender.feature;

import io.fanshelf.recommender.candidate.CandidateSources;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ranking features, one unit each: its name in artifacts and reports, what it means, and its
 * slot in a feature vector (the enum's order). {@link FeatureExtractor} fills them, rankers read
 * them by slot, and a trained model records {@link #names()}: a model trained on other features is
 * refused. Label features form a group that a model may leave out ({@link #labels()}).
 */
public enum Feature {
  LABEL_RULE_MATCH(
      "sum of the confidences of the fan's label values whose taxonomy match rule the product meets",
      true),
  LABEL_LIFT("mean log lift of the fan's label values for the product's category", true),
  CATEGORY_AFFINITY("the fan's time-decayed share of the product's leaf category", false),
  TOP_CATEGORY_AFFINITY("the fan's share of the product's top-level category", false),
  BRAND_AFFINITY("the fan's share of the product's brand", false),
  CO_VISIT("co-occurrence with the fan's recent positive products, recency-weighted", false),
  LOG_POPULARITY("log(1 + time-decayed platform popularity)", false),
  LOG_POPULARITY_ALL_TIME("log(1 + undecayed positive weight over the whole log)", false),
  LOG_REACH(
      "log(1 + reach): fans who engaged with it over the whole log, each once at their largest"
          + " weight",
      false),
  LOG_OWNER_POPULARITY("log(1 + time-decayed popularity among this owner's fans)", false),
  TREND("short-term over long-term popularity", false),
  LOG_AGE_DAYS("log(1 + days since the product was created)", false),
  PRICE_VS_USUAL("log(price / the fan's typical price); 0 when unknown", false),
  LOG_FAN_EVENTS("log(1 + the fan's positive events): how much is known of the fan", false),
  LOG_DAYS_SINCE_LAST_EVENT("log(1 + days since the fan's latest event); 0 without one", false),
  LOG_FAN_PRODUCT_EVENTS("log(1 + the fan's events on this very product)", false),
  BOUGHT_BEFORE("1 when the fan bought this product before", false),
  HAS_LABELS("1 when the owner labelled this fan", true),
  ALS_SCORE("implicit ALS: the fan's folded-in vector times the product's", false),
  ITEM_CF_SCORE(
      "item-to-item model (EASE, RP3beta or item-kNN): sum over the fan's products", false),
  LAST_ITEM_CF("item-to-item weight from the fan's latest positive product", false),
  USER_KNN_SCORE("similarity-weighted votes of the fans most like this one", false),
  SOURCE_LABEL_MATCH("score of the label-match candidate source; 0 if it did not propose it", true),
  SOURCE_LABEL_AFFINITY("score of the label-affinity source", true),
  SOURCE_CO_VISIT("score of the co-visit source", false),
  SOURCE_AFFINITY("score of the category-affinity source", false),
  SOURCE_OWNER_POPULAR("score of the owner-popular source", false),
  SOURCE_POPULAR("score of the popular source", false),
  SOURCE_NEW_ARRIVALS("score of the new-arrivals source", false),
  SOURCE_NEED("score of the free-text need source", false),
  SOURCE_RECENTLY_VIEWED("score of the recently-viewed source", false),
  SOURCE_ALS("score of the ALS source", false),
  SOURCE_ITEM_CF("score of the item-to-item source", false),
  SOURCE_USER_KNN("score of the fan-kNN source", false);

  private static final Feature[] VALUES = values();
  private static final List<String> NAMES = Arrays.stream(VALUES).map(Feature::key).toList();
  private static final Feature[] BY_SOURCE = bySource();

  private final String meaning;
  private final boolean label;

  Feature(String meaning, boolean label) {
    this.meaning = meaning;
    this.label = label;
  }

  /** The name artifacts and reports use, e.g. {@code co_visit}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** One line on what it measures. */
  public String meaning() {
    return meaning;
  }

  /** The position in a feature vector. */
  public int slot() {
    return ordinal();
  }

  /**
   * Whether it reads the fan's labels (left out, with the labels, by a model that ignores them).
   */
  public boolean readsLabels() {
    return label;
  }

  /** Every feature name in vector order. */
  public static List<String> names() {
    return NAMES;
  }

  public static int count() {
    return VALUES.length;
  }

  /** The feature of a name, e.g. {@code co_visit}. */
  public static Feature of(String key) {
    for (Feature feature : VALUES) {
      if (feature.key().equals(key)) {
        return feature;
      }
    }
    throw new IllegalArgumentException("unknown feature '" + key + "'; expected one of " + NAMES);
  }

  /** The feature holding the score of candidate source {@code index} ({@link CandidateSources}). */
  public static Feature ofSource(int index) {
    return BY_SOURCE[index];
  }

  /** The features that read labels. */
  public static List<Feature> labels() {
    return Arrays.stream(VALUES).filter(Feature::readsLabels).toList();
  }

  private static Feature[] bySource() {
    List<String> sources = CandidateSources.names();
    Feature[] bySource = new Feature[sources.size()];
    for (int i = 0; i < bySource.length; i++) {
      bySource[i] = of("source_" + sources.get(i).replace('-', '_'));
    }
    return bySource;
  }
}
