package io.fanshelf.indexer.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest change of a product's price or stock, as the catalog remembers it when a product is
 * imported again: what it was before, what it is now, and when it changed. It tells an owner that
 * an item a fan looked at is back in stock or cheaper.
 *
 * @param product the product
 * @param previousPriceCents the price before the change
 * @param previousStock the stock before the change
 * @param priceCents the price after it
 * @param stock the stock after it
 * @param changedAt when the import that changed it ran
 */
public record ProductChange(
    ProductId product,
    long previousPriceCents,
    int previousStock,
    long priceCents,
    int stock,
    Instant changedAt) {

  public ProductChange {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(changedAt, "changedAt");
    if (previousPriceCents < 0 || priceCents < 0 || previousStock < 0 || stock < 0) {
      throw new IllegalArgumentException("prices and stocks must be >= 0 in " + product);
    }
  }

  /**
   * The change from {@code before} to {@code after} (the same product), when the price or the stock
   * differs; empty when neither does.
   */
  public static Optional<ProductChange> between(Product before, Product after, Instant at) {
    if (!before.id().equals(after.id())) {
      throw new IllegalArgumentException(
          "a change compares one product, got " + before.id() + " and " + after.id());
    }
    if (before.priceCents() == after.priceCents() && before.stock() == after.stock()) {
      return Optional.empty();
    }
    return Optional.of(
        new ProductChange(
            after.id(),
            before.priceCents(),
            before.stock(),
            after.priceCents(),
            after.stock(),
            at));
  }

  /** Sold out before, in stock now. */
  public boolean restocked() {
    return previousStock == 0 && stock > 0;
  }

  /** Cheaper than before. */
  public boolean cheaper() {
    return priceCents < previousPriceCents;
  }
}
