package io.fanshelf.recommender.catalog;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.CatalogStore;
import io.fanshelf.indexer.taxonomy.MatchRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every product in memory, by dense ordinal (0..size-1, in product id order so two snapshots of the
 * same catalog agree). Immutable and thread-safe (the products each match rule selects are worked
 * out once, on first use).
 */
public final class CatalogSnapshot {
  private final Product[] products;
  private final Map<ProductId, Integer> ordinals;
  private final int[] leafCategory;
  private final int[] topCategory;
  private final List<String> categoryKeys;
  private final Map<String, Integer> categoryOrdinals;
  private final Map<MatchRule, BitSet> matching = new ConcurrentHashMap<>();

  private CatalogSnapshot(List<Product> sorted) {
    products = sorted.toArray(Product[]::new);
    ordinals = new HashMap<>(products.length * 2);
    leafCategory = new int[products.length];
    topCategory = new int[products.length];
    categoryKeys = new ArrayList<>();
    categoryOrdinals = new HashMap<>();
    for (int ord = 0; ord < products.length; ord++) {
      Product product = products[ord];
      ordinals.put(product.id(), ord);
      leafCategory[ord] = intern(product.categoryKey());
      topCategory[ord] = intern(product.categoryPath().getFirst());
    }
  }

  private int intern(String key) {
    return categoryOrdinals.computeIfAbsent(
        key,
        k -> {
          categoryKeys.add(k);
          return categoryKeys.size() - 1;
        });
  }

  public static CatalogSnapshot of(List<Product> products) {
    List<Product> sorted = new ArrayList<>(products);
    sorted.sort(Comparator.comparing(Product::id));
    return new CatalogSnapshot(sorted);
  }

  public static CatalogSnapshot load(CatalogStore store) throws IOException {
    List<Product> all = new ArrayList<>();
    store.forEach(all::add);
    return of(all);
  }

  public int size() {
    return products.length;
  }

  public Product product(int ordinal) {
    return products[ordinal];
  }

  public OptionalInt ordinal(ProductId id) {
    Integer ord = ordinals.get(id);
    return ord == null ? OptionalInt.empty() : OptionalInt.of(ord);
  }

  public Optional<Product> product(ProductId id) {
    Integer ord = ordinals.get(id);
    return ord == null ? Optional.empty() : Optional.of(products[ord]);
  }

  /** Ordinal of the product's full category path (its leaf category). */
  public int leafCategory(int ordinal) {
    return leafCategory[ordinal];
  }

  /** Ordinal of the product's top-level category. */
  public int topCategory(int ordinal) {
    return topCategory[ordinal];
  }

  public String categoryKey(int categoryOrdinal) {
    return categoryKeys.get(categoryOrdinal);
  }

  /** The ordinal of a leaf category key or top-level category, when some product has it. */
  public OptionalInt categoryOrdinal(String key) {
    Integer ord = categoryOrdinals.get(key);
    return ord == null ? OptionalInt.empty() : OptionalInt.of(ord);
  }

  /**
   * The ordinals of the products {@code rule} matches. Computed over the whole catalog the first
   * time a rule is asked for, then shared: the features test a fan's label rules on every
   * candidate, and a bit is cheaper than evaluating the rule on the product's attributes.
   */
  public BitSet matching(MatchRule rule) {
    return matching.computeIfAbsent(
        rule,
        r -> {
          BitSet matches = new BitSet(products.length);
          for (int ord = 0; ord < products.length; ord++) {
            if (r.matches(products[ord])) {
              matches.set(ord);
            }
          }
          return matches;
        });
  }

  public int categoryCount() {
    return categoryKeys.size();
  }
}
