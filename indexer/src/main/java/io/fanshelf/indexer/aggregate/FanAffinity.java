package io.fanshelf.indexer.aggregate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What one fan's positive events say about their taste, as of one instant. Every weight is the sum
 * of the fan's positive event weights, each decayed with the affinity half-life. Immutable.
 *
 * @param categories weight per category key; every level of a product's path counts, so 美妆, 美妆>护肤
 *     and 美妆>护肤>面霜 each appear; heaviest first
 * @param brands weight per brand, heaviest first
 * @param totalWeight the decayed weight of all the fan's positive events, including events on
 *     products the catalog no longer knows; the denominator for a share
 * @param positiveEvents how many positive events the fan has (not decayed)
 * @param typicalPriceCents the weighted geometric mean price of the products of the fan's positive
 *     events (free products left out); empty when there is none
 * @param logPriceSpread weighted standard deviation of the natural log of those prices: 0.5 means a
 *     typical price is about e^0.5 = 1.65 times above or below the typical price
 */
public record FanAffinity(
    Map<String, Double> categories,
    Map<String, Double> brands,
    double totalWeight,
    long positiveEvents,
    OptionalLong typicalPriceCents,
    double logPriceSpread) {

  public FanAffinity {
    categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    brands = Collections.unmodifiableMap(new LinkedHashMap<>(brands));
    Objects.requireNonNull(typicalPriceCents, "typicalPriceCents");
  }

  /** The fan's share of weight in a category key, 0 to 1; 0 for a category never seen. */
  public double categoryShare(String categoryKey) {
    return totalWeight > 0 ? categories.getOrDefault(categoryKey, 0.0) / totalWeight : 0;
  }

  /** The fan's share of weight on a brand, 0 to 1; 0 for a brand never seen. */
  public double brandShare(String brand) {
    return totalWeight > 0 ? brands.getOrDefault(brand, 0.0) / totalWeight : 0;
  }
}
