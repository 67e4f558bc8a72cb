package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of products.csv with its text {@linkplain #clean cleaned}, and how it becomes a FanShelf
 * {@link Product}. Empty strings stand for empty raw cells. Immutable.
 */
record RawProduct(
    String id,
    String manufacturer,
    String department,
    String brandType,
    String category,
    String type,
    String packageSize) {

  static final List<String> COLUMNS =
      List.of(
          "product_id",
          "manufacturer_id",
          "department",
          "brand",
          "product_category",
          "product_type",
          "package_size");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  // Reserved by FanShelf's CSV cells: ; and | separate list items, = keys, > category levels.
  private static final Pattern RESERVED = Pattern.compile("[;|=>]");

  /** Reads products.csv in file order; a repeated product id is an error. */
  static Map<String, RawProduct> readAll(Path file) throws IOException {
    Map<String, RawProduct> products = new LinkedHashMap<>();
    try (RawCsvReader csv = RawCsvReader.open(file, COLUMNS)) {
      while (csv.next()) {
        RawProduct product =
            new RawProduct(
                csv.numericId("product_id"),
                clean(csv.text("manufacturer_id")),
                clean(csv.required("department")),
                clean(csv.text("brand")),
                clean(csv.text("product_category")),
                clean(csv.text("product_type")),
                clean(csv.text("package_size")));
        if (products.putIfAbsent(product.id(), product) != null) {
          throw csv.error("product_id", "product " + product.id() + " is listed twice");
        }
      }
    }
    return products;
  }

  /**
   * Trims and collapses runs of whitespace ("CHRISTMAS SEASONAL"), writes {@code <=} and {@code >=}
   * as ≤ and ≥ ("RTD COCKTAILS 750ML PLUS <=42P"), and turns any other character that FanShelf
   * cells reserve into a space, so raw text can go into category paths and attribute maps as is.
   */
  static String clean(String raw) {
    String text = raw.replace("<=", "≤").replace(">=", "≥");
    text = RESERVED.matcher(text).replaceAll(" ");
    return WHITESPACE.matcher(text).replaceAll(" ").strip();
  }

  /** [department, category, type] without the empty levels. */
  List<String> categoryPath() {
    List<String> path = new ArrayList<>(3);
    for (String level : List.of(department, category, type)) {
      if (!level.isEmpty()) {
        path.add(level);
      }
    }
    return path;
  }

  /** The raw product fields, under FanShelf attribute names; empty fields are left out. */
  Map<String, List<String>> attributes() {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    putIfPresent(attributes, "brand_type", brandType);
    putIfPresent(attributes, "category", category);
    putIfPresent(attributes, "department", department);
    putIfPresent(attributes, "manufacturer", manufacturer);
    putIfPresent(attributes, "package_size", packageSize);
    putIfPresent(attributes, "type", type);
    return attributes;
  }

  /**
   * A readable English title: the type with its category in brackets (or whichever of the two is
   * present, else the department), {@linkplain #readable readable}; "Store Brand " in front of
   * private-label products; the package size after a comma as written, e.g. "Store Brand Apple
   * Sauce (Fruit - Shelf Stable), 50 OZ".
   */
  String title() {
    String what;
    if (!type.isEmpty() && !category.isEmpty() && !type.equals(category)) {
      what = readable(type) + " (" + readable(category) + ")";
    } else if (!type.isEmpty()) {
      what = readable(type);
    } else if (!category.isEmpty()) {
      what = readable(category);
    } else {
      what = readable(department);
    }
    String brand = "Private".equals(brandType) ? "Store Brand " : "";
    String size = packageSize.isEmpty() ? "" : ", " + packageSize;
    return brand + what + size;
  }

  Product toProduct(long priceCents, int stock, Instant createdAt) {
    return new Product(
        ProductId.of(id),
        title(),
        categoryPath(),
        Optional.empty(),
        priceCents,
        stock,
        attributes(),
        Set.of(),
        createdAt,
        Optional.empty(),
        0);
  }

  /**
   * Title case, with brackets closed that the source cut off: product types are at most 30
   * characters, so "CHEESE CRACKERS (CHEEZ-ITS/GOL" becomes "Cheese Crackers (Cheez-Its/Gol)".
   */
  static String readable(String text) {
    long unclosed = text.chars().filter(c -> c == '(').count();
    unclosed -= text.chars().filter(c -> c == ')').count();
    return titleCase(text) + ")".repeat((int) Math.max(0, unclosed));
  }

  /**
   * Upper-case raw text in title case: a letter starts a word after anything but a letter, a digit
   * or an apostrophe ("ICE - CRUSHED/CUBED" to "Ice - Crushed/Cubed", "12OZ" to "12oz", "MEN'S" to
   * "Men's").
   */
  static String titleCase(String text) {
    StringBuilder result = new StringBuilder(text.length());
    boolean wordStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        result.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
        wordStart = false;
      } else {
        result.append(c);
        wordStart = !(Character.isDigit(c) || c == '\'');
      }
    }
    return result.toString();
  }

  private static void putIfPresent(Map<String, List<String>> map, String name, String value) {
    if (!value.isEmpty()) {
      map.put(name, List.of(value));
    }
  }
}
