package io.fanshelf.indexer.store;

import io.fanshelf.indexer.model.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every backend indexes for a product, built in one place so that the backends cannot drift
 * apart: the searchable text, the category prefix terms and the attribute terms. A backend decides
 * only how to store them (Lucene fields, Elasticsearch document fields); its rule queries look up
 * the same terms. Stateless and thread-safe.
 */
public final class CatalogTerms {
  private CatalogTerms() {}

  /**
   * The words a free-text need is matched against, before analysis: title, category names, brand,
   * attribute values and tags, separated by spaces.
   */
  public static String searchableText(Product product) {
    StringBuilder text = new StringBuilder(product.title());
    product.categoryPath().forEach(level -> text.append(' ').append(level));
    product.brand().ifPresent(brand -> text.append(' ').append(brand));
    product
        .attributes()
        .values()
        .forEach(values -> values.forEach(v -> text.append(' ').append(v)));
    product.tags().forEach(tag -> text.append(' ').append(tag));
    return text.toString();
  }

  /**
   * One term per category prefix, shortest first (美妆, 美妆>护肤, 美妆>护肤>面霜): a category rule or an
   * assortment filter is then a single term lookup, not a prefix scan.
   */
  public static List<String> categoryPrefixes(Product product) {
    List<String> path = product.categoryPath();
    List<String> prefixes = new ArrayList<>(path.size());
    for (int depth = 1; depth <= path.size(); depth++) {
      prefixes.add(String.join(">", path.subList(0, depth)));
    }
    return prefixes;
  }

  /** One {@link #attributeTerm} per attribute value of the product, in attribute order. */
  public static List<String> attributeTerms(Product product) {
    List<String> terms = new ArrayList<>();
    for (Map.Entry<String, List<String>> attribute : product.attributes().entrySet()) {
      for (String value : attribute.getValue()) {
        terms.add(attributeTerm(attribute.getKey(), value));
      }
    }
    return terms;
  }

  /**
   * The term of one attribute value, "length:name=value" (e.g. "9:skin_type=oily"): the name's
   * length keeps the term unambiguous when a name or value contains '='.
   */
  public static String attributeTerm(String name, String value) {
    return name.length() + ":" + name + "=" + value;
  }
}
