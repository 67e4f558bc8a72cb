package io.fanshelf.recommender.rules;

import io.fanshelf.recommender.catalog.CatalogSnapshot;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Keeps one product of each near-duplicate group in a ranked list, the best ranked: products with
 * the same normalised title (the same can listed under two ids), and products of one family (the
 * value of {@link RuleOptions#familyAttribute()}: a lipstick in six shades, a cream and its travel
 * size). Items that must stay (owner pins) always do, and claim their title and family first.
 * Titles are compared by {@link CatalogSnapshot#titleGroup}, normalised once per catalog snapshot,
 * not per request. Stateless.
 */
public final class NearDuplicates {
  private NearDuplicates() {}

  /**
   * {@code ranked} without the near duplicates of better ranked items.
   *
   * @param ordinal each item's catalog ordinal in {@code catalog}
   */
  public static <T> List<T> collapse(
      List<T> ranked,
      ToIntFunction<T> ordinal,
      CatalogSnapshot catalog,
      Predicate<T> mustStay,
      RuleOptions options) {
    boolean titles = options.collapseSameTitle();
    String familyAttribute = options.familyAttribute();
    if (!titles && familyAttribute.isEmpty()) {
      return ranked;
    }
    // title groups are below the catalog's size: one allocation, not a doubling per larger group
    BitSet seenTitles = new BitSet(titles ? catalog.size() : 0);
    BitSet seenFamilies = new BitSet();
    for (T item : ranked) {
      if (mustStay.test(item)) {
        int ord = ordinal.applyAsInt(item);
        if (titles) {
          seenTitles.set(catalog.titleGroup(ord));
        }
        see(families(catalog, ord, familyAttribute), seenFamilies);
      }
    }
    List<T> kept = new ArrayList<>(ranked.size());
    for (T item : ranked) {
      if (mustStay.test(item)) {
        kept.add(item);
        continue;
      }
      int ord = ordinal.applyAsInt(item);
      int title = titles ? catalog.titleGroup(ord) : -1;
      int[] families = families(catalog, ord, familyAttribute);
      if ((title < 0 || !seenTitles.get(title)) && noneSeen(families, seenFamilies)) {
        if (title >= 0) {
          seenTitles.set(title);
        }
        see(families, seenFamilies);
        kept.add(item);
      }
    }
    return kept;
  }

  private static boolean noneSeen(int[] families, BitSet seen) {
    for (int family : families) {
      if (seen.get(family)) {
        return false;
      }
    }
    return true;
  }

  private static void see(int[] families, BitSet seen) {
    for (int family : families) {
      seen.set(family);
    }
  }

  private static final int[] NO_FAMILY = new int[0];

  private static int[] families(CatalogSnapshot catalog, int ordinal, String attribute) {
    return attribute.isEmpty() ? NO_FAMILY : catalog.attributeValueIds(attribute, ordinal);
  }
}
