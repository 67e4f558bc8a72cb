package io.fanshelf.training.suggest;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Product;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one fan did, platform-wide, reduced to what a label classifier reads.
 *
 * @param fan the fan
 * @param shares feature key ({@link ProfileFeature}) to its share of the fan's positive feedback
 *     weight, in [0, 1]
 * @param products the distinct products the fan gave positive feedback (bought, carted, viewed...),
 *     for evidence a person can check
 */
public record FanBehaviour(FanId fan, Map<String, Double> shares, List<Product> products) {
  public FanBehaviour {
    Objects.requireNonNull(fan, "fan");
    shares = Map.copyOf(shares);
    products = List.copyOf(products);
  }

  /** How many of the fan's products carry the feature. */
  public int productsWith(String featureKey) {
    int count = 0;
    for (Product product : products) {
      if (ProfileFeature.keysOf(product).contains(featureKey)) {
        count++;
      }
    }
    return count;
  }
}
