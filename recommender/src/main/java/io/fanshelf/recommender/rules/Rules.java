package io.fanshelf.recommender.rules;

import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.OrdinalHistory;
import io.fanshelf.recommender.RecommendRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The filters every shown product must pass, for one request. Each check is a small named method so
 * a test can prove each rule alone. Products come with their catalog ordinal, by which the fan's
 * history is keyed: a lookup by product id would touch the id's text, a cache miss per candidate on
 * a large catalog. Not thread-safe; one per request.
 */
public final class Rules {
  private final RuleOptions options;
  private final RecommendRequest request;
  private final Optional<Owner> owner;
  private final Curation curation;
  private final OrdinalHistory history;
  private final Map<List<String>, Boolean> sellableByCategory = new HashMap<>();

  public Rules(
      RuleOptions options,
      RecommendRequest request,
      Optional<Owner> owner,
      Curation curation,
      OrdinalHistory historyByOrdinal) {
    this.options = options;
    this.request = request;
    this.owner = owner;
    this.curation = curation;
    this.history = historyByOrdinal;
  }

  /** Why the product at catalog {@code ordinal} may not be shown, or empty when it may. */
  public Optional<String> rejection(int ordinal, Product product) {
    if (!inStock(product)) {
      return Optional.of("out of stock");
    }
    if (!sellable(product)) {
      return Optional.of("outside the owner's assortment");
    }
    if (!matchesFilters(product)) {
      return Optional.of("outside the request's filters");
    }
    if (blocked(product)) {
      return Optional.of("blocked by the owner");
    }
    if (boughtRecently(ordinal, product)) {
      return Optional.of("bought recently");
    }
    if (resting(ordinal)) {
      return Optional.of("shown too often without a click");
    }
    return Optional.empty();
  }

  public boolean allows(int ordinal, Product product) {
    return rejection(ordinal, product).isEmpty();
  }

  boolean inStock(Product product) {
    return product.inStock();
  }

  boolean sellable(Product product) {
    if (owner.isEmpty() || owner.get().assortment().isEmpty()) {
      return true;
    }
    return sellableByCategory.computeIfAbsent(
        product.categoryPath(), path -> owner.get().sells(product.categoryKey()));
  }

  boolean matchesFilters(Product product) {
    if (request.categoryPrefixes().isEmpty()
        && request.minPriceCents().isEmpty()
        && request.maxPriceCents().isEmpty()) {
      return true;
    }
    boolean category =
        request.categoryPrefixes().isEmpty()
            || request.categoryPrefixes().stream().anyMatch(product::inCategory);
    boolean min =
        request.minPriceCents().isEmpty()
            || product.priceCents() >= request.minPriceCents().getAsLong();
    boolean max =
        request.maxPriceCents().isEmpty()
            || product.priceCents() < request.maxPriceCents().getAsLong();
    return category && min && max;
  }

  boolean blocked(Product product) {
    return curation.blocks().contains(product.id());
  }

  boolean boughtRecently(int ordinal, Product product) {
    FanContext.ProductHistory seen = history.get(ordinal);
    if (seen == null || seen.lastPurchase().isEmpty()) {
      return false;
    }
    boolean durable = options.durableCategories().stream().anyMatch(product::inCategory);
    Instant returns = seen.lastPurchase().get().plus(options.repurchaseAfter());
    return durable || request.now().isBefore(returns);
  }

  boolean resting(int ordinal) {
    if (options.frequencyCap() == 0) {
      return false;
    }
    FanContext.ProductHistory seen = history.get(ordinal);
    return seen != null
        && seen.impressionsSinceClick() >= options.frequencyCap()
        && seen.lastImpression().isPresent()
        && request.now().isBefore(seen.lastImpression().get().plus(options.frequencyCapRest()));
  }

  public Curation curation() {
    return curation;
  }
}
