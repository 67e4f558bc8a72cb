package io.fanshelf.indexer.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A product of the platform catalog.
 *
 * @param id unique product id
 * @param title display title, Chinese or English
 * @param categoryPath category from the root, e.g. [美妆, 护肤, 面霜]; never empty
 * @param brand brand name; empty string is not allowed, use {@link Optional#empty()}
 * @param priceCents price in the smallest currency unit (分 / cents)
 * @param stock units in stock; 0 means sold out
 * @param attributes attribute name to its values, e.g. skin_type to [oily, combination]
 * @param tags free tags, e.g. kids, gift
 * @param createdAt when the product entered the catalog (drives "new arrivals")
 * @param imageUrl picture shown on the shelf
 * @param commissionRate share of the price the owner earns, 0 to 1
 */
public record Product(
    ProductId id,
    String title,
    List<String> categoryPath,
    Optional<String> brand,
    long priceCents,
    int stock,
    Map<String, List<String>> attributes,
    Set<String> tags,
    Instant createdAt,
    Optional<String> imageUrl,
    double commissionRate) {

  public Product {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    title = Text.require("title", title, 500);
    categoryPath = List.copyOf(Objects.requireNonNull(categoryPath, "categoryPath"));
    if (categoryPath.isEmpty()) {
      throw new IllegalArgumentException("category path must have at least one level");
    }
    categoryPath.forEach(level -> Text.require("category level", level, 100));
    brand = Objects.requireNonNull(brand, "brand").map(b -> Text.require("brand", b, 100));
    if (priceCents < 0) {
      throw new IllegalArgumentException("price must be >= 0, got " + priceCents + " cents");
    }
    if (stock < 0) {
      throw new IllegalArgumentException("stock must be >= 0, got " + stock);
    }
    TreeMap<String, List<String>> sorted = new TreeMap<>();
    Objects.requireNonNull(attributes, "attributes")
        .forEach(
            (name, values) -> {
              Text.require("attribute name", name, 100);
              values.forEach(v -> Text.require("value of attribute " + name, v, 200));
              sorted.put(name, List.copyOf(values));
            });
    attributes = java.util.Collections.unmodifiableMap(sorted);
    tags = Set.copyOf(Objects.requireNonNull(tags, "tags"));
    tags.forEach(t -> Text.require("tag", t, 100));
    imageUrl = Objects.requireNonNull(imageUrl, "imageUrl");
    if (!(commissionRate >= 0 && commissionRate <= 1)) {
      throw new IllegalArgumentException(
          "commission rate must be between 0 and 1, got " + commissionRate);
    }
  }

  /** The leaf category, e.g. 面霜 for [美妆, 护肤, 面霜]. */
  public String category() {
    return categoryPath.getLast();
  }

  /** The category path joined with {@code >}, the form used in files and filters. */
  public String categoryKey() {
    return String.join(">", categoryPath);
  }

  /**
   * Whether the product lies under a category prefix ({@code 美妆>护肤}): {@link #categoryKey} equals
   * it or starts with it and {@code >}. Compared level by level, without building the key (ranking
   * asks this for every candidate and rule).
   */
  public boolean inCategory(String prefix) {
    int matched = 0;
    for (int i = 0; i < categoryPath.size(); i++) {
      if (i > 0) {
        if (matched == prefix.length()) {
          return true; // the prefix ended where a level did
        }
        if (prefix.charAt(matched) != '>') {
          return false;
        }
        matched++;
      }
      String level = categoryPath.get(i);
      int length = Math.min(level.length(), prefix.length() - matched);
      if (!level.regionMatches(0, prefix, matched, length)) {
        return false;
      }
      if (length < level.length()) {
        return level.charAt(length) == '>'; // the prefix ended inside a level
      }
      matched += length;
    }
    return matched == prefix.length();
  }

  public boolean inStock() {
    return stock > 0;
  }
}
