package io.fanshelf.training.suggest;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.StoreReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every profiled fan's {@link FanBehaviour}, read once from the event log and the catalog.
 * Behaviour is platform-wide per fan, so one instance serves every owner. Immutable.
 */
public final class Behaviours {
  private final Map<FanId, FanBehaviour> byFan;

  private Behaviours(Map<FanId, FanBehaviour> byFan) {
    this.byFan = Map.copyOf(byFan);
  }

  /**
   * Reads the whole event log. A fan is profiled when they gave positive feedback (by the policy's
   * weights) to at least {@code minProducts} distinct catalog products.
   */
  public static Behaviours load(StoreReader store, FeedbackPolicy policy, int minProducts)
      throws IOException {
    Map<ProductId, Product> catalog = new HashMap<>();
    store.catalog().forEach(product -> catalog.put(product.id(), product));
    Map<FanId, Map<ProductId, Double>> weights = new HashMap<>();
    store
        .events()
        .forEach(
            event -> {
              double weight = policy.weight(event);
              if (weight > 0 && catalog.containsKey(event.product())) {
                weights
                    .computeIfAbsent(event.fan(), f -> new HashMap<>())
                    .merge(event.product(), weight, Double::sum);
              }
            });
    Map<FanId, FanBehaviour> byFan = new HashMap<>();
    weights.forEach(
        (fan, products) -> {
          if (products.size() >= minProducts) {
            byFan.put(fan, behaviour(fan, products, catalog));
          }
        });
    return new Behaviours(byFan);
  }

  /** For tests and callers that build profiles themselves. */
  public static Behaviours of(Collection<FanBehaviour> behaviours) {
    Map<FanId, FanBehaviour> byFan = new HashMap<>();
    behaviours.forEach(b -> byFan.put(b.fan(), b));
    return new Behaviours(byFan);
  }

  /** The profile of a fan with product weights, e.g. summed feedback weights. */
  public static FanBehaviour behaviour(
      FanId fan, Map<ProductId, Double> productWeights, Map<ProductId, Product> catalog) {
    Map<String, Double> shares = new HashMap<>();
    List<Product> products = new ArrayList<>();
    double total = 0;
    for (Map.Entry<ProductId, Double> entry : productWeights.entrySet()) {
      Product product = catalog.get(entry.getKey());
      products.add(product);
      total += entry.getValue();
      for (String key : ProfileFeature.keysOf(product)) {
        shares.merge(key, entry.getValue(), Double::sum);
      }
    }
    double sum = total;
    shares.replaceAll((key, weight) -> weight / sum);
    products.sort(java.util.Comparator.comparing(p -> p.id().value()));
    return new FanBehaviour(fan, shares, products);
  }

  public Optional<FanBehaviour> get(FanId fan) {
    return Optional.ofNullable(byFan.get(fan));
  }

  public Collection<FanBehaviour> all() {
    return byFan.values();
  }

  public int size() {
    return byFan.size();
  }
}
