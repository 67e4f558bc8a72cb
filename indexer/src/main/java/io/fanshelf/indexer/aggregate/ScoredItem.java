package io.fanshelf.indexer.aggregate;

import io.fanshelf.indexer.model.ProductId;
import java.util.Objects;

/**
 * A product and an aggregate's score for it (a decayed popularity, a co-occurrence strength);
 * higher is better. What the score means is said by the method that returns it.
 */
public record ScoredItem(ProductId product, double score) {
  public ScoredItem {
    Objects.requireNonNull(product, "product");
  }
}
