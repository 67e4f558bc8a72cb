package io.fanshelf.recommender.catalog;

import io.fanshelf.indexer.aggregate.EventAggregates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The most popular products of each leaf and top-level category at one moment, for candidate
 * sources that start from a category (the fan's favourites, a label's learned categories).
 * Immutable and thread-safe; rebuilt periodically as popularity moves.
 */
public final class CategoryLeaders {
  private final int[][] byCategory;
  private final double[] popularity;
  // log1p of popularity, the all-time weight and the reach, features of every candidate: worked out
  // once here, not per request
  private final double[] logPopularity;
  private final double[] logAllTimeWeight;
  private final double[] logReach;

  private CategoryLeaders(
      int[][] byCategory, double[] popularity, double[] allTimeWeight, double[] reach) {
    this.byCategory = byCategory;
    this.popularity = popularity;
    this.logPopularity = new double[popularity.length];
    this.logAllTimeWeight = new double[popularity.length];
    this.logReach = new double[popularity.length];
    for (int ord = 0; ord < popularity.length; ord++) {
      logPopularity[ord] = Math.log1p(popularity[ord]);
      logAllTimeWeight[ord] = Math.log1p(allTimeWeight[ord]);
      logReach[ord] = Math.log1p(reach[ord]);
    }
  }

  /**
   * Ranks every product of every category by time-decayed popularity at {@code at}, keeping the top
   * {@code perCategory} of each.
   */
  public static CategoryLeaders compute(
      CatalogSnapshot catalog, EventAggregates aggregates, Instant at, int perCategory) {
    double[] popularity = new double[catalog.size()];
    double[] allTimeWeight = new double[catalog.size()];
    double[] reach = new double[catalog.size()];
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < catalog.categoryCount(); c++) {
      members.add(new ArrayList<>());
    }
    for (int ord = 0; ord < catalog.size(); ord++) {
      popularity[ord] = aggregates.popularity(catalog.product(ord).id(), at);
      allTimeWeight[ord] = aggregates.allTimeWeight(catalog.product(ord).id());
      reach[ord] = aggregates.reach(catalog.product(ord).id());
      members.get(catalog.leafCategory(ord)).add(ord);
      if (catalog.topCategory(ord) != catalog.leafCategory(ord)) {
        members.get(catalog.topCategory(ord)).add(ord);
      }
    }
    int[][] byCategory = new int[members.size()][];
    for (int c = 0; c < members.size(); c++) {
      byCategory[c] =
          members.get(c).stream()
              .sorted((a, b) -> a.equals(b) ? 0 : compare(popularity, a, b))
              .limit(perCategory)
              .mapToInt(Integer::intValue)
              .toArray();
    }
    return new CategoryLeaders(byCategory, popularity, allTimeWeight, reach);
  }

  private static int compare(double[] popularity, int a, int b) {
    int byPopularity = Double.compare(popularity[b], popularity[a]);
    return byPopularity != 0 ? byPopularity : Integer.compare(a, b);
  }

  /** The category's products, most popular first. */
  public int[] leaders(int categoryOrdinal) {
    return categoryOrdinal < byCategory.length
        ? Arrays.copyOf(byCategory[categoryOrdinal], byCategory[categoryOrdinal].length)
        : new int[0];
  }

  /** The popularity used for the ranking, by product ordinal. */
  public double popularity(int productOrdinal) {
    return popularity[productOrdinal];
  }

  /** {@code Math.log1p} of the product's undecayed positive weight over the whole log. */
  public double logAllTimeWeight(int productOrdinal) {
    return logAllTimeWeight[productOrdinal];
  }

  /** {@code Math.log1p} of the product's reach ({@link EventAggregates#reach}). */
  public double logReach(int productOrdinal) {
    return logReach[productOrdinal];
  }

  /** {@code Math.log1p(popularity(productOrdinal))}. */
  public double logPopularity(int productOrdinal) {
    return logPopularity[productOrdinal];
  }
}
