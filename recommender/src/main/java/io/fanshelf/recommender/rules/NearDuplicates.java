package io.fanshelf.recommender.rules;

import io.fanshelf.indexer.model.Product;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Keeps one product of each near-duplicate group in a ranked list, the best ranked: products with
 * the same normalised title (the same can listed under two ids), and products of one family (the
 * value of {@link RuleOptions#familyAttribute()}: a lipstick in six shades, a cream and its travel
 * size). Items that must stay (owner pins) always do, and claim their title and family first.
 * Stateless.
 */
public final class NearDuplicates {
  // Spaces, punctuation and symbols: "Plastic Cups, 16 OZ" and "plastic cups 16oz" are one title.
  private static final Pattern NOISE = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}]+");

  private NearDuplicates() {}

  public static <T> List<T> collapse(
      List<T> ranked, Function<T, Product> product, Predicate<T> mustStay, RuleOptions options) {
    if (!options.collapseSameTitle() && options.familyAttribute().isEmpty()) {
      return ranked;
    }
    Set<String> seen = new HashSet<>();
    for (T item : ranked) {
      if (mustStay.test(item)) {
        seen.addAll(keys(product.apply(item), options));
      }
    }
    List<T> kept = new ArrayList<>(ranked.size());
    for (T item : ranked) {
      if (mustStay.test(item)) {
        kept.add(item);
        continue;
      }
      List<String> keys = keys(product.apply(item), options);
      if (keys.stream().noneMatch(seen::contains)) {
        seen.addAll(keys);
        kept.add(item);
      }
    }
    return kept;
  }

  /** "title:" + the normalised title, "family:" + each family value, as the options ask. */
  static List<String> keys(Product product, RuleOptions options) {
    List<String> keys = new ArrayList<>(2);
    if (options.collapseSameTitle()) {
      keys.add("title:" + normalisedTitle(product.title()));
    }
    if (!options.familyAttribute().isEmpty()) {
      for (String family :
          product.attributes().getOrDefault(options.familyAttribute(), List.of())) {
        keys.add("family:" + family);
      }
    }
    return keys;
  }

  /** NFKC (full-width letters and digits become ASCII), lower case, no spaces or punctuation. */
  static String normalisedTitle(String title) {
    String folded = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return NOISE.matcher(folded).replaceAll("");
  }
}
