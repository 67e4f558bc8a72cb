package io.fanshelf.recommender.rules;

import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.OrdinalHistory;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import java.time.Instant;
import java.util.Optional;

/**
 * The filters every shown product must pass, for one request. Each check is a small named method so
 * a test can prove each rule alone. Products come by catalog ordinal: stock and category come from
 * the snapshot's arrays and the fan's history is keyed by ordinal, so that the usual candidate (in
 * stock, no filters, never bought) is judged without touching its product object, a cache miss or
 * more per candidate on a large catalog. Not thread-safe; one per request.
 */
public final class Rules {
  // sellableByLeaf: not worked out yet, sellable, not sellable
  private static final byte UNKNOWN = 0;
  private static final byte SELLS = 1;
  private static final byte DOES_NOT_SELL = 2;

  private final RuleOptions options;
  private final RecommendRequest request;
  private final Optional<Owner> owner;
  private final Curation curation;
  private final OrdinalHistory history;
  private final CatalogSnapshot catalog;
  private final byte[] sellableByLeaf;

  public Rules(
      RuleOptions options,
      RecommendRequest request,
      Optional<Owner> owner,
      Curation curation,
      OrdinalHistory historyByOrdinal,
      CatalogSnapshot catalog) {
    this.options = options;
    this.request = request;
    this.owner = owner;
    this.curation = curation;
    this.history = historyByOrdinal;
    this.catalog = catalog;
    this.sellableByLeaf = new byte[catalog.categoryCount()];
  }

  /** Why the product at catalog {@code ordinal} may not be shown, or empty when it may. */
  public Optional<String> rejection(int ordinal) {
    if (!inStock(ordinal)) {
      return Optional.of("out of stock");
    }
    if (!sellable(ordinal)) {
      return Optional.of("outside the owner's assortment");
    }
    if (!matchesFilters(ordinal)) {
      return Optional.of("outside the request's filters");
    }
    if (blocked(ordinal)) {
      return Optional.of("blocked by the owner");
    }
    if (boughtRecently(ordinal)) {
      return Optional.of("bought recently");
    }
    if (resting(ordinal)) {
      return Optional.of("shown too often without a click");
    }
    return Optional.empty();
  }

  public boolean allows(int ordinal) {
    return rejection(ordinal).isEmpty();
  }

  boolean inStock(int ordinal) {
    return catalog.inStock(ordinal);
  }

  boolean sellable(int ordinal) {
    if (owner.isEmpty() || owner.get().assortment().isEmpty()) {
      return true;
    }
    int leaf = catalog.leafCategory(ordinal);
    if (sellableByLeaf[leaf] == UNKNOWN) {
      sellableByLeaf[leaf] = owner.get().sells(catalog.categoryKey(leaf)) ? SELLS : DOES_NOT_SELL;
    }
    return sellableByLeaf[leaf] == SELLS;
  }

  boolean matchesFilters(int ordinal) {
    if (request.categoryPrefixes().isEmpty()
        && request.minPriceCents().isEmpty()
        && request.maxPriceCents().isEmpty()) {
      return true;
    }
    return matchesFilters(catalog.product(ordinal));
  }

  private boolean matchesFilters(Product product) {
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

  boolean blocked(int ordinal) {
    return !curation.blocks().isEmpty()
        && curation.blocks().contains(catalog.product(ordinal).id());
  }

  boolean boughtRecently(int ordinal) {
    FanContext.ProductHistory seen = history.get(ordinal);
    if (seen == null || seen.lastPurchase().isEmpty()) {
      return false;
    }
    Product product = catalog.product(ordinal);
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
