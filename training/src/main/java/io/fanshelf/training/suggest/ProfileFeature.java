package io.fanshelf.training.suggest;

import io.fanshelf.indexer.model.Product;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The profile features of a product: every prefix of its category path, its brand, and each
 * attribute value. Keys carry a kind prefix so that a brand and a category of the same name stay
 * apart: {@code c:美妆>护肤}, {@code b:Acme}, {@code a:skin_type=oily}.
 */
public final class ProfileFeature {
  static final String CATEGORY = "c:";
  static final String BRAND = "b:";
  static final String ATTRIBUTE = "a:";

  private ProfileFeature() {}

  public static Set<String> keysOf(Product product) {
    Set<String> keys = new LinkedHashSet<>();
    StringBuilder path = new StringBuilder();
    for (String level : product.categoryPath()) {
      if (!path.isEmpty()) {
        path.append('>');
      }
      path.append(level);
      keys.add(CATEGORY + path);
    }
    product.brand().ifPresent(brand -> keys.add(BRAND + brand));
    product
        .attributes()
        .forEach((name, values) -> values.forEach(v -> keys.add(ATTRIBUTE + name + "=" + v)));
    return keys;
  }

  /** The kind of a key: category, brand or attribute. */
  public static Evidence.Kind kind(String key) {
    if (key.startsWith(CATEGORY)) {
      return Evidence.Kind.CATEGORY;
    }
    return key.startsWith(BRAND) ? Evidence.Kind.BRAND : Evidence.Kind.ATTRIBUTE;
  }

  /** The key without its kind prefix: the category path, brand or {@code name=value}. */
  public static String name(String key) {
    return key.substring(2);
  }
}
