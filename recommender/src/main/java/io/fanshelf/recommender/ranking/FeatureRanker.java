package io.fanshelf.recommender.ranking;

import io.fanshelf.recommender.feature.Feature;
import java.util.List;
import java.util.Objects;

/**
 * Ranks by one feature, near-ties broken by a second ({@code primary + 0.001 * secondary}): what
 * serves popularity, the fan's label matches by popularity, or one collaborative model on its own.
 * Immutable and thread-safe.
 */
public final class FeatureRanker implements Ranker {
  /** Small enough that the secondary feature only orders near-ties of the primary. */
  static final double TIE_BREAK = 1e-3;

  private final String name;
  private final Feature primary;
  private final Feature secondary;

  public FeatureRanker(String name, Feature primary, Feature secondary) {
    this.name = Objects.requireNonNull(name, "name");
    this.primary = Objects.requireNonNull(primary, "primary");
    this.secondary = Objects.requireNonNull(secondary, "secondary");
  }

  /** Popularity over the whole log; the fan's label matches break ties. */
  public static FeatureRanker popularity() {
    return new FeatureRanker("popularity", Feature.LOG_REACH, Feature.LABEL_RULE_MATCH);
  }

  /**
   * The products matching the fan's labels (by the taxonomy's rules, summed confidence) first, each
   * group by popularity over the whole log: for an unlabelled fan, plain popularity; for a labelled
   * fan with no events, a page shaped by the labels alone.
   */
  public static FeatureRanker labelsThenPopularity() {
    return new FeatureRanker(
        "labels-then-popularity", Feature.LABEL_RULE_MATCH, Feature.LOG_POPULARITY_ALL_TIME);
  }

  public Feature primary() {
    return primary;
  }

  public Feature secondary() {
    return secondary;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> featureNames() {
    return Feature.names();
  }

  @Override
  public int[] reads() {
    return new int[] {primary.slot(), secondary.slot()};
  }

  @Override
  public double score(float[] features) {
    return features[primary.slot()] + TIE_BREAK * features[secondary.slot()];
  }
}
