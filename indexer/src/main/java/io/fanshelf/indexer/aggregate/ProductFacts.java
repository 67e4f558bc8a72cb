package io.fanshelf.indexer.aggregate;

import io.fanshelf.indexer.model.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the aggregates need to know about a product, resolved before the write lock is taken.
 *
 * @param categoryKeys every prefix of the category path, root first: 美妆, 美妆>护肤, 美妆>护肤>面霜
 * @param brand the brand, when the product has one
 * @param priceCents the price
 */
record ProductFacts(List<String> categoryKeys, Optional<String> brand, long priceCents) {
  ProductFacts {
    categoryKeys = List.copyOf(categoryKeys);
  }

  static ProductFacts of(Product product) {
    List<String> keys = new ArrayList<>(product.categoryPath().size());
    StringBuilder key = new StringBuilder();
    for (String level : product.categoryPath()) {
      if (!key.isEmpty()) {
        key.append('>');
      }
      key.append(level);
      keys.add(key.toString());
    }
    return new ProductFacts(keys, product.brand(), product.priceCents());
  }
}
