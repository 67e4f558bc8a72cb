package io.fanshelf.recommender.ranking;

import io.fanshelf.recommender.collaborative.Collaborative;
import java.util.Objects;

/**
 * What the main list is ranked with, swapped as one piece: the collaborative models that propose
 * candidates and describe them (their scores are features), the ranker that orders the candidates,
 * and whether the fan's labels take part (a model that validation found no better with labels
 * leaves them out). Immutable and thread-safe.
 *
 * @param name what responses and metrics call it: a registry id, or {@code popularity}
 * @param collaborative the collaborative models (possibly none)
 * @param ranker orders the candidates by their features
 * @param usesLabels whether the fan's labels reach the main list's candidates and features
 */
public record RankingModel(
    String name, Collaborative collaborative, Ranker ranker, boolean usesLabels) {
  public RankingModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(collaborative, "collaborative");
    Objects.requireNonNull(ranker, "ranker");
  }

  /**
   * Popularity over the whole log, the fan's label matches breaking ties: what a shop is served
   * before a ranking has been validated on its data. It never loses to popularity, and with no
   * events at all the labels alone shape the page.
   */
  public static RankingModel popularity() {
    return of(FeatureRanker.popularity());
  }

  /** The fan's label matches first, by popularity, then the rest by popularity. */
  public static RankingModel labelsThenPopularity() {
    return of(FeatureRanker.labelsThenPopularity());
  }

  private static RankingModel of(FeatureRanker ranker) {
    return new RankingModel(ranker.name(), Collaborative.NONE, ranker, true);
  }
}
