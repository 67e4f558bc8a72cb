package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What item metadata says about a product, cleaned to fit FanShelf's catalog: text {@linkplain
 * RawProduct#clean cleaned} of the characters import cells reserve and cut to the lengths {@link
 * Product} accepts, empty values left out. Immutable.
 */
record ItemInfo(
    String title,
    List<String> categoryPath,
    Optional<String> brand,
    long priceCents,
    Map<String, List<String>> attributes) {

  /** The category of items nothing is known about. */
  static final String UNCATEGORISED = "Uncategorised";

  private static final Pattern PRICE = Pattern.compile("[0-9]{1,15}(\\.[0-9]+)?");
  private static final BigDecimal MAX_CENTS = BigDecimal.valueOf(Long.MAX_VALUE / 2);

  static final int MAX_TITLE = 500;
  static final int MAX_LEVEL = 100;
  static final int MAX_VALUE = 200;

  /**
   * Cleans raw metadata.
   *
   * @param title the title; blank gives "Item" and the raw id
   * @param levels category levels from the root; blank levels are dropped, none gives {@link
   *     #UNCATEGORISED}
   * @param brand brand; blank means none
   * @param attributes attribute name to raw values; blank values are dropped
   */
  static ItemInfo of(
      String rawId,
      String title,
      List<String> levels,
      String brand,
      long priceCents,
      Map<String, List<String>> attributes) {
    String cleanTitle = cut(title == null ? "" : title.strip(), MAX_TITLE);
    List<String> path = new ArrayList<>();
    for (String level : levels) {
      String clean = cut(RawProduct.clean(level), MAX_LEVEL);
      if (!clean.isEmpty()) {
        path.add(clean);
      }
    }
    if (path.isEmpty()) {
      path.add(UNCATEGORISED);
    }
    String cleanBrand = brand == null ? "" : cut(RawProduct.clean(brand), MAX_LEVEL);
    Map<String, List<String>> cleanAttributes = new LinkedHashMap<>();
    attributes.forEach(
        (name, values) -> {
          List<String> kept = new ArrayList<>();
          for (String value : values) {
            String clean = cut(RawProduct.clean(value), MAX_VALUE);
            if (!clean.isEmpty() && !kept.contains(clean)) {
              kept.add(clean);
            }
          }
          if (!kept.isEmpty()) {
            cleanAttributes.put(name, List.copyOf(kept));
          }
        });
    return new ItemInfo(
        cleanTitle.isEmpty() ? placeholderTitle(rawId) : cleanTitle,
        List.copyOf(path),
        cleanBrand.isEmpty() ? Optional.empty() : Optional.of(cleanBrand),
        priceCents,
        cleanAttributes);
  }

  /** An item without metadata: "Item" and its raw id, uncategorised, price 0. */
  static ItemInfo unknown(String rawId) {
    return new ItemInfo(
        placeholderTitle(rawId), List.of(UNCATEGORISED), Optional.empty(), 0, Map.of());
  }

  Product toProduct(ProductId id, int stock, Instant createdAt) {
    return new Product(
        id,
        title,
        categoryPath,
        brand,
        priceCents,
        stock,
        attributes,
        Set.of(),
        createdAt,
        Optional.empty(),
        0);
  }

  private static String placeholderTitle(String rawId) {
    return cut("Item " + rawId, MAX_TITLE);
  }

  /**
   * A price such as {@code 12.99}, {@code 12}, {@code $1,299.00} in cents, rounded half up to the
   * cent; empty for anything else (a range, a negative number, text).
   */
  static OptionalLong priceCents(String text) {
    String digits = text.strip();
    if (digits.startsWith("$")) {
      digits = digits.substring(1).strip();
    }
    digits = digits.replace(",", "");
    if (!PRICE.matcher(digits).matches()) {
      return OptionalLong.empty();
    }
    BigDecimal cents = new BigDecimal(digits).movePointRight(2).setScale(0, RoundingMode.HALF_UP);
    return cents.compareTo(MAX_CENTS) > 0
        ? OptionalLong.empty()
        : OptionalLong.of(cents.longValueExact());
  }

  /** The first {@code max} characters, not splitting a surrogate pair, stripped. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text.strip();
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end).strip();
  }
}
