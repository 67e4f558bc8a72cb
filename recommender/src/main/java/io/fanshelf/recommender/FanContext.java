package io.fanshelf.recommender;

import io.fanshelf.indexer.aggregate.FanAffinity;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything known about one fan at one moment, as this owner may use it: the owner's labels on the
 * fan, the fan's history before {@code now} (platform-wide, newest first) and affinities. Serving
 * builds it from the stores; training builds it from the events before an example's time, so the
 * two share every feature. Immutable.
 *
 * @param owner the owner whose shelf this is
 * @param fan the fan
 * @param labels this owner's labels on the fan (another owner's labels never)
 * @param history the fan's events before {@code now}, newest first
 * @param affinity the fan's category/brand/price affinities, when the fan has positive events
 * @param now the moment
 */
public record FanContext(
    OwnerId owner,
    FanId fan,
    List<Label> labels,
    List<Event> history,
    Optional<FanAffinity> affinity,
    Instant now) {

  public FanContext {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(fan, "fan");
    labels = List.copyOf(labels);
    history = List.copyOf(history);
    Objects.requireNonNull(affinity, "affinity");
    Objects.requireNonNull(now, "now");
  }

  /** What the history says per product, computed once per request. */
  public record ProductHistory(
      int events,
      int impressionsSinceClick,
      Optional<Instant> lastImpression,
      Optional<Instant> lastPurchase,
      double positiveWeight) {}

  /** Per product the fan touched: counts and the last purchase. */
  public Map<ProductId, ProductHistory> productHistory(FeedbackPolicy policy) {
    Map<ProductId, int[]> counts = new HashMap<>();
    Map<ProductId, Instant> lastPurchase = new HashMap<>();
    Map<ProductId, Instant> lastImpression = new HashMap<>();
    Map<ProductId, Double> weights = new HashMap<>();
    Set<ProductId> clicked = new java.util.HashSet<>();
    // history is newest first: impressions before the newest click are "since click"
    for (Event event : history) {
      ProductId product = event.product();
      int[] c = counts.computeIfAbsent(product, p -> new int[2]);
      c[0]++;
      if (event.type() == EventType.IMPRESSION && !clicked.contains(product)) {
        c[1]++;
      } else if (event.type() != EventType.IMPRESSION) {
        clicked.add(product);
      }
      if (event.type() == EventType.IMPRESSION) {
        lastImpression.putIfAbsent(product, event.time());
      }
      if (event.type() == EventType.PURCHASE) {
        lastPurchase.putIfAbsent(product, event.time());
      }
      weights.merge(product, policy.weight(event), Double::sum);
    }
    Map<ProductId, ProductHistory> result = new HashMap<>();
    counts.forEach(
        (product, c) ->
            result.put(
                product,
                new ProductHistory(
                    c[0],
                    c[1],
                    Optional.ofNullable(lastImpression.get(product)),
                    Optional.ofNullable(lastPurchase.get(product)),
                    weights.getOrDefault(product, 0.0))));
    return result;
  }

  /** The products of the fan's most recent positive events, newest first, without repeats. */
  public List<ProductId> recentPositiveProducts(FeedbackPolicy policy, int limit) {
    Set<ProductId> products = new LinkedHashSet<>();
    for (Event event : history) {
      if (policy.isPositive(event)) {
        products.add(event.product());
        if (products.size() == limit) {
          break;
        }
      }
    }
    return new ArrayList<>(products);
  }

  /** Products the fan viewed or clicked, newest first, without repeats. */
  public List<ProductId> recentlyViewed(int limit) {
    Set<ProductId> products = new LinkedHashSet<>();
    for (Event event : history) {
      if (event.type() == EventType.VIEW || event.type() == EventType.CLICK) {
        products.add(event.product());
        if (products.size() == limit) {
          break;
        }
      }
    }
    return new ArrayList<>(products);
  }
}
