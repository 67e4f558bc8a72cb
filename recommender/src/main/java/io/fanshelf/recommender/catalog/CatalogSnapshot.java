package io.fanshelf.recommender.catalog;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.CatalogReader;
import io.fanshelf.indexer.taxonomy.MatchRule;
import java.io.IOException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Every product in memory, by dense ordinal (0..size-1, in product id order so two snapshots of the
 * same catalog agree). What ranking reads of every candidate (category, brand, price, stock, age)
 * is also kept in primitive arrays by ordinal: a few hundred candidates per request, each a product
 * object and its fields scattered over the heap, cost a cache miss per field on a large catalog,
 * where the arrays stay in cache. Immutable and thread-safe (the products each match rule selects
 * are worked out once, on first use, and so are each product's title group and the values of each
 * attribute asked for).
 */
public final class CatalogSnapshot {
  private static final Pattern TITLE_NOISE = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}]+");

  private final Product[] products;
  private final Map<ProductId, Integer> ordinals;
  private final int[] leafCategory;
  private final int[] topCategory;
  private final List<String> categoryKeys;
  private final Map<String, Integer> categoryOrdinals;
  private final int[] brand;
  private final List<String> brands;
  private final Map<String, Integer> brandOrdinals;
  private final BitSet inStock;
  private final long[] priceCents;
  private final long[] createdSecond;
  private final int[] createdNano;
  private final Map<MatchRule, BitSet> matching = new ConcurrentHashMap<>();
  // each product's title group + 1, filled on first use (0 until then); two threads may both fill
  // a slot, with the same group, as the map hands out one group per title key
  private final int[] titleGroups;
  private final Map<String, Integer> titleGroupOf = new ConcurrentHashMap<>();
  private final AtomicInteger nextTitleGroup = new AtomicInteger();
  private final Map<String, int[][]> attributeValueIds = new ConcurrentHashMap<>();

  private CatalogSnapshot(List<Product> sorted) {
    products = sorted.toArray(Product[]::new);
    ordinals = new HashMap<>(products.length * 2);
    leafCategory = new int[products.length];
    topCategory = new int[products.length];
    categoryKeys = new ArrayList<>();
    categoryOrdinals = new HashMap<>();
    brand = new int[products.length];
    brands = new ArrayList<>();
    brandOrdinals = new HashMap<>();
    inStock = new BitSet(products.length);
    priceCents = new long[products.length];
    createdSecond = new long[products.length];
    createdNano = new int[products.length];
    titleGroups = new int[products.length];
    for (int ord = 0; ord < products.length; ord++) {
      Product product = products[ord];
      ordinals.put(product.id(), ord);
      leafCategory[ord] = intern(product.categoryKey(), categoryKeys, categoryOrdinals);
      topCategory[ord] = intern(product.categoryPath().getFirst(), categoryKeys, categoryOrdinals);
      brand[ord] = product.brand().map(b -> intern(b, brands, brandOrdinals)).orElse(-1);
      inStock.set(ord, product.inStock());
      priceCents[ord] = product.priceCents();
      createdSecond[ord] = product.createdAt().getEpochSecond();
      createdNano[ord] = product.createdAt().getNano();
    }
  }

  private static int intern(String key, List<String> keys, Map<String, Integer> ordinals) {
    return ordinals.computeIfAbsent(
        key,
        k -> {
          keys.add(k);
          return keys.size() - 1;
        });
  }

  public static CatalogSnapshot of(List<Product> products) {
    List<Product> sorted = new ArrayList<>(products);
    sorted.sort(Comparator.comparing(Product::id));
    return new CatalogSnapshot(sorted);
  }

  public static CatalogSnapshot load(CatalogReader store) throws IOException {
    return of(store.all());
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

  /**
   * The product's near-duplicate title group, in [0, size()): products share one when their titles
   * are equal after NFKC (full-width letters and digits become ASCII), lower case and dropping
   * spaces, punctuation and symbols ("Plastic Cups, 16 OZ" and "plastic cups 16oz"). Each title is
   * normalised once per snapshot, on first use.
   */
  public int titleGroup(int ordinal) {
    int group = titleGroups[ordinal] - 1;
    if (group < 0) {
      String folded =
          Normalizer.normalize(products[ordinal].title(), Normalizer.Form.NFKC)
              .toLowerCase(Locale.ROOT);
      String key = TITLE_NOISE.matcher(folded).replaceAll("");
      group = titleGroupOf.computeIfAbsent(key, k -> nextTitleGroup.getAndIncrement());
      titleGroups[ordinal] = group + 1;
    }
    return group;
  }

  private static final int[] NO_VALUES = new int[0];

  /**
   * The product's values of one attribute (none when it has none) as small ints, equal for equal
   * values across the catalog: read from an array by ordinal made on the attribute's first use, so
   * that a request compares ints instead of hashing strings.
   */
  public int[] attributeValueIds(String attribute, int ordinal) {
    return attributeValueIds
        .computeIfAbsent(
            attribute,
            name -> {
              Map<String, Integer> ids = new HashMap<>();
              int[][] values = new int[products.length][];
              for (int ord = 0; ord < products.length; ord++) {
                List<String> of = products[ord].attributes().getOrDefault(name, List.of());
                values[ord] = of.isEmpty() ? NO_VALUES : new int[of.size()];
                for (int v = 0; v < of.size(); v++) {
                  values[ord][v] = ids.computeIfAbsent(of.get(v), value -> ids.size());
                }
              }
              return values;
            })[ordinal];
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

  /** Ordinal of the product's brand ({@link #brandOrdinal}), -1 when it has none. */
  public int brand(int ordinal) {
    return brand[ordinal];
  }

  /** The ordinal of a brand some product has. */
  public OptionalInt brandOrdinal(String brand) {
    Integer ord = brandOrdinals.get(brand);
    return ord == null ? OptionalInt.empty() : OptionalInt.of(ord);
  }

  public int brandCount() {
    return brands.size();
  }

  /** {@link Product#inStock} of the product at {@code ordinal}. */
  public boolean inStock(int ordinal) {
    return inStock.get(ordinal);
  }

  public long priceCents(int ordinal) {
    return priceCents[ordinal];
  }

  /**
   * Whole hours from the product's {@link Product#createdAt} to {@code now}, as {@code
   * Duration.between(createdAt, now).toHours()} counts them (negative for a product created later).
   */
  public long ageHours(int ordinal, Instant now) {
    long seconds = now.getEpochSecond() - createdSecond[ordinal];
    if (now.getNano() < createdNano[ordinal]) {
      seconds--;
    }
    return seconds / 3600;
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
