package io.fanshelf.recommender.rules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the rules.
 *
 * @param repurchaseAfter how long after a purchase a consumable product may be shown again
 * @param durableCategories category prefixes of durable goods, never shown again once bought
 * @param frequencyCap impressions without a click after which a product rests; 0 disables
 * @param frequencyCapRest how long it rests
 * @param maxPerCategory at most this many products of one leaf category in the top {@code
 *     diversityWindow}; 0 disables diversity
 * @param diversityWindow how many top positions diversity applies to
 * @param topMaxPerCategory at most this many products of one leaf category in the top {@code
 *     topWindow}, the first screen of a phone; 0 disables this tighter cap
 * @param topWindow how many top positions the tighter cap applies to
 * @param collapseSameTitle whether a product whose normalised title equals a better ranked one's is
 *     left out ({@link NearDuplicates})
 * @param familyAttribute the product attribute naming a product's family, of which only the best
 *     ranked product is shown; empty: no family collapse
 */
public record RuleOptions(
    Duration repurchaseAfter,
    List<String> durableCategories,
    int frequencyCap,
    Duration frequencyCapRest,
    int maxPerCategory,
    int diversityWindow,
    int topMaxPerCategory,
    int topWindow,
    boolean collapseSameTitle,
    String familyAttribute) {
  public RuleOptions {
    requirePositive("repurchaseAfter", repurchaseAfter);
    durableCategories = List.copyOf(durableCategories);
    if (frequencyCap < 0) {
      throw new IllegalArgumentException("frequencyCap must be >= 0, got " + frequencyCap);
    }
    requirePositive("frequencyCapRest", frequencyCapRest);
    if (maxPerCategory < 0) {
      throw new IllegalArgumentException("maxPerCategory must be >= 0, got " + maxPerCategory);
    }
    if (diversityWindow < 1) {
      throw new IllegalArgumentException("diversityWindow must be >= 1, got " + diversityWindow);
    }
    if (topMaxPerCategory < 0) {
      throw new IllegalArgumentException(
          "topMaxPerCategory must be >= 0, got " + topMaxPerCategory);
    }
    if (topWindow < 1) {
      throw new IllegalArgumentException("topWindow must be >= 1, got " + topWindow);
    }
    Objects.requireNonNull(familyAttribute, "familyAttribute");
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /**
   * Defaults: consumables may return 14 days after a purchase, no durables declared, 5 unclicked
   * impressions rest a product for 3 days, at most 3 of a leaf category in the top 20 and 1 in the
   * top 6, one product per normalised title and per {@code family} attribute value.
   */
  public static RuleOptions defaults() {
    return new RuleOptions(
        Duration.ofDays(14), List.of(), 5, Duration.ofDays(3), 3, 20, 1, 6, true, "family");
  }

  /**
   * Diversity: at most {@code max} of a leaf category in the top {@code window} positions, and at
   * most {@code topMax} in the top {@code topWindow}; a 0 cap is off.
   */
  public RuleOptions withDiversity(int max, int window, int topMax, int topWindow) {
    return new RuleOptions(
        repurchaseAfter,
        durableCategories,
        frequencyCap,
        frequencyCapRest,
        max,
        window,
        topMax,
        topWindow,
        collapseSameTitle,
        familyAttribute);
  }

  public RuleOptions withDurableCategories(List<String> prefixes) {
    return new RuleOptions(
        repurchaseAfter,
        prefixes,
        frequencyCap,
        frequencyCapRest,
        maxPerCategory,
        diversityWindow,
        topMaxPerCategory,
        topWindow,
        collapseSameTitle,
        familyAttribute);
  }

  /**
   * Near-duplicate collapse ({@link NearDuplicates}): by normalised title, and by the family
   * attribute unless it is empty. Both off shows near-duplicates side by side.
   */
  public RuleOptions withNearDuplicates(boolean sameTitle, String family) {
    return new RuleOptions(
        repurchaseAfter,
        durableCategories,
        frequencyCap,
        frequencyCapRest,
        maxPerCategory,
        diversityWindow,
        topMaxPerCategory,
        topWindow,
        sameTitle,
        family);
  }
}
