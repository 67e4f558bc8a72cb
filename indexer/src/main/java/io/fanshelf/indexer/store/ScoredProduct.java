package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.ProductId;
import java.util.Objects;

/** A search hit: a product id and the backend's relevance score for it (higher is better). */
public record ScoredProduct(ProductId id, float score) {
  public ScoredProduct {
    Objects.requireNonNull(id, "id");
  }
}
