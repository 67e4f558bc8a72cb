package io.fanshelf.indexer.store.elasticsearch;

import io.fanshelf.indexer.model.Product;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalog index: one document per product, {@code _id} = product id. Its fields, each with why
 * it is mapped the way it is, and how a product becomes a document.
 */
final class CatalogDocs {
  /** Keyword with doc values: breaks score ties in id order ({@code _id} cannot be sorted on). */
  static final String ID = "id";

  /**
   * Text, whitespace analyzer, over tokens made by {@link SearchText}: title, category names,
   * brand, attribute values and tags, so a need in Chinese or English ("想买花茶", "green tea") finds
   * products and scores them with BM25 as the Lucene backend does.
   */
  static final String TEXT = "text";

  /**
   * Keyword, one term per category prefix (美妆, 美妆>护肤, 美妆>护肤>面霜): a category rule or an assortment
   * filter is one term query, not a prefix scan.
   */
  static final String CATEGORY = "category";

  /** Keyword: brand filters. */
  static final String BRAND = "brand";

  /**
   * Keyword "length:name=value" (e.g. "9:skin_type=oily"), one per attribute value: the taxonomy's
   * attribute rules. The name's length keeps the term unambiguous when a name or value contains
   * '='.
   */
  static final String ATTRIBUTE = "attr";

  /** Keyword: the taxonomy's tag rules. */
  static final String TAG = "tag";

  /** Long, cents: price filters and price-band rules (range queries on points). */
  static final String PRICE = "price";

  /** Long: the in-stock filter. */
  static final String STOCK = "stock";

  /** Long, epoch milliseconds: the created-after filter and the newest-first sort. */
  static final String CREATED = "created";

  /**
   * Object, not indexed ({@code enabled: false}): the whole product as FanShelf's JSON, given back
   * exactly as upserted; attribute names never become mapped fields.
   */
  static final String PRODUCT = "product";

  private CatalogDocs() {}

  static String definition(ElasticsearchOptions options) {
    return IndexDefinition.of(
        options.catalogShards(),
        options.replicas(),
        options.refreshInterval(),
        """
        {
          "id": {"type": "keyword"},
          "text": {"type": "text", "analyzer": "whitespace"},
          "category": {"type": "keyword"},
          "brand": {"type": "keyword"},
          "attr": {"type": "keyword"},
          "tag": {"type": "keyword"},
          "price": {"type": "long"},
          "stock": {"type": "long"},
          "created": {"type": "long"},
          "product": {"type": "object", "enabled": false}
        }
        """,
        false);
  }

  static byte[] toSource(Product product) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put(ID, product.id().value());
    doc.put(TEXT, SearchText.tokens(searchableText(product)));
    ArrayNode categories = doc.putArray(CATEGORY);
    List<String> path = product.categoryPath();
    for (int depth = 1; depth <= path.size(); depth++) {
      categories.add(String.join(">", path.subList(0, depth)));
    }
    product.brand().ifPresent(brand -> doc.put(BRAND, brand));
    ArrayNode attributes = doc.putArray(ATTRIBUTE);
    for (Map.Entry<String, List<String>> attribute : product.attributes().entrySet()) {
      for (String value : attribute.getValue()) {
        attributes.add(attributeTerm(attribute.getKey(), value));
      }
    }
    ArrayNode tags = doc.putArray(TAG);
    product.tags().stream().sorted().forEach(tags::add);
    doc.put(PRICE, product.priceCents());
    doc.put(STOCK, product.stock());
    doc.put(CREATED, product.createdAt().toEpochMilli());
    doc.set(PRODUCT, Json.MAPPER.valueToTree(product));
    return Json.MAPPER.writeValueAsBytes(doc);
  }

  static String attributeTerm(String name, String value) {
    return name.length() + ":" + name + "=" + value;
  }

  /** The same words the Lucene backend indexes for a product. */
  private static String searchableText(Product product) {
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
}
