package io.fanshelf.recommender.catalog;

import io.fanshelf.indexer.aggregate.EventAggregates;
import java.time.Instant;
import java.util.Arrays;

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
    int size = catalog.size();
    double[] popularity = new double[size];
    double[] allTimeWeight = new double[size];
    double[] reach = new double[size];
    aggregates.productTotals(
        size, ord -> catalog.product(ord).id(), at, popularity, allTimeWeight, reach);
    int[] members = new int[catalog.categoryCount()];
    for (int ord = 0; ord < size; ord++) {
      members[catalog.leafCategory(ord)]++;
      if (catalog.topCategory(ord) != catalog.leafCategory(ord)) {
        members[catalog.topCategory(ord)]++;
      }
    }
    int[][] byCategory = new int[members.length][];
    for (int c = 0; c < members.length; c++) {
      byCategory[c] = new int[Math.min(members[c], perCategory)];
    }
    // every product once, most popular first (ties: lower ordinal first), each taken into its leaf
    // and top-level category while they have room: one sort of the catalog, not one per category
    int[] filled = new int[members.length];
    for (long entry : byPopularity(popularity)) {
      int ord = (int) entry;
      int leaf = catalog.leafCategory(ord);
      int top = catalog.topCategory(ord);
      if (filled[leaf] < byCategory[leaf].length) {
        byCategory[leaf][filled[leaf]++] = ord;
      }
      if (top != leaf && filled[top] < byCategory[top].length) {
        byCategory[top][filled[top]++] = ord;
      }
    }
    return new CategoryLeaders(byCategory, popularity, allTimeWeight, reach);
  }

  /**
   * Every ordinal, most popular first and ties by ordinal, each as (how many products are at least
   * as popular) << 32 | ordinal: equal popularity gives an equal count, and sorting longs needs no
   * boxing.
   */
  private static long[] byPopularity(double[] popularity) {
    double[] ascending = popularity.clone();
    Arrays.sort(ascending);
    long[] entries = new long[popularity.length];
    for (int ord = 0; ord < popularity.length; ord++) {
      long fromTop = popularity.length - firstIndexOf(ascending, popularity[ord]);
      entries[ord] = fromTop << 32 | ord;
    }
    Arrays.sort(entries);
    return entries;
  }

  /** The first index of {@code value} in {@code ascending}, which holds it. */
  private static int firstIndexOf(double[] ascending, double value) {
    int low = 0;
    int high = ascending.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (Double.compare(ascending[middle], value) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
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
