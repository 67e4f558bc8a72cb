package io.fanshelf.recommender;

import io.fanshelf.indexer.model.Product;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One recommended product.
 *
 * @param product the product as in the catalog
 * @param score the ranker's score (higher is better; comparable within one response only)
 * @param sources names of the candidate sources that proposed it
 * @param reasons why, best first; may be empty
 * @param pinned whether the owner pinned it
 */
public record RecommendedItem(
    Product product, double score, Set<String> sources, List<Reason> reasons, boolean pinned) {
  public RecommendedItem {
    Objects.requireNonNull(product, "product");
    sources = Set.copyOf(sources);
    reasons = List.copyOf(reasons);
  }
}
