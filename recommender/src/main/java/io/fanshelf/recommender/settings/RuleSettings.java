package io.fanshelf.recommender.settings;

import static java.util.Objects.requireNonNullElse;

import io.fanshelf.recommender.rules.RuleOptions;
import java.time.Duration;
import java.util.List;

/**
 * {@code fanshelf.recommend.rules.*}: the business rules, as {@link RuleOptions}. A missing value
 * (null) is {@link RuleOptions#defaults()}'s; the values are checked when mapped, a bad one naming
 * its key.
 *
 * @param repurchaseAfter how long after a purchase a consumable product may be shown again
 * @param durableCategories category prefixes of durable goods, never shown again once bought
 * @param frequencyCap impressions without a click after which a product rests; 0 disables
 * @param frequencyCapRest how long it rests
 * @param maxPerCategory at most this many products of one leaf category near the top; 0 disables
 * @param diversityWindow how many top positions diversity applies to
 * @param topMaxPerCategory at most this many of one leaf category in the first screen; 0 disables
 * @param topWindow how many top positions make the first screen
 * @param collapseSameTitle keep only the best ranked of products with the same normalised title
 * @param familyAttribute the product attribute naming a family (one per family); empty: off
 */
public record RuleSettings(
    Duration repurchaseAfter,
    List<String> durableCategories,
    Integer frequencyCap,
    Duration frequencyCapRest,
    Integer maxPerCategory,
    Integer diversityWindow,
    Integer topMaxPerCategory,
    Integer topWindow,
    Boolean collapseSameTitle,
    String familyAttribute) {

  static final String PREFIX = RecommendSettings.PREFIX + ".rules";
  private static final RuleOptions DEFAULTS = RuleOptions.defaults();

  public RuleSettings {
    repurchaseAfter = requireNonNullElse(repurchaseAfter, DEFAULTS.repurchaseAfter());
    durableCategories =
        List.copyOf(requireNonNullElse(durableCategories, DEFAULTS.durableCategories()));
    frequencyCap = requireNonNullElse(frequencyCap, DEFAULTS.frequencyCap());
    frequencyCapRest = requireNonNullElse(frequencyCapRest, DEFAULTS.frequencyCapRest());
    maxPerCategory = requireNonNullElse(maxPerCategory, DEFAULTS.maxPerCategory());
    diversityWindow = requireNonNullElse(diversityWindow, DEFAULTS.diversityWindow());
    topMaxPerCategory = requireNonNullElse(topMaxPerCategory, DEFAULTS.topMaxPerCategory());
    topWindow = requireNonNullElse(topWindow, DEFAULTS.topWindow());
    collapseSameTitle = requireNonNullElse(collapseSameTitle, DEFAULTS.collapseSameTitle());
    familyAttribute = requireNonNullElse(familyAttribute, DEFAULTS.familyAttribute());
  }

  /** Every value the default. */
  public static RuleSettings defaults() {
    return new RuleSettings(null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * @throws InvalidSettingException naming the key of a refused value
   */
  public RuleOptions options() {
    return SettingKeys.build(
        PREFIX,
        RuleSettings.class,
        () ->
            new RuleOptions(
                repurchaseAfter,
                durableCategories,
                frequencyCap,
                frequencyCapRest,
                maxPerCategory,
                diversityWindow,
                topMaxPerCategory,
                topWindow,
                collapseSameTitle,
                familyAttribute));
  }
}
