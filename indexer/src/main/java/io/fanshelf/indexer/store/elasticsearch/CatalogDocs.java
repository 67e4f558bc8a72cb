package io.fanshelf.indexer.store.elasticsearch;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductChange;
import io.fanshelf.indexer.store.CatalogTerms;
import java.util.Optional;
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
   * Text, whitespace analyzer, over the tokens {@link SearchText} makes of {@link
   * CatalogTerms#searchableText}: title, category names, brand, attribute values and tags, so a
   * need in Chinese or English ("想买花茶", "green tea") finds products and scores them with BM25 as
   * the Lucene backend does.
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
   * Keyword, one {@link CatalogTerms#attributeTerm} per attribute value ("9:skin_type=oily"): the
   * taxonomy's attribute rules.
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
   * Long, epoch milliseconds: the time of the product's latest price or stock change (the
   * changed-since query); absent on a product that never changed.
   */
  static final String CHANGED = "changed";

  /** Object, not indexed: the latest {@link ProductChange} as FanShelf's JSON. */
  static final String CHANGE = "change";

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
          "changed": {"type": "long"},
          "change": {"type": "object", "enabled": false},
          "product": {"type": "object", "enabled": false}
        }
        """,
        false);
  }

  static byte[] toSource(Product product, Optional<ProductChange> change) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put(ID, product.id().value());
    doc.put(TEXT, SearchText.tokens(CatalogTerms.searchableText(product)));
    ArrayNode categories = doc.putArray(CATEGORY);
    CatalogTerms.categoryPrefixes(product).forEach(categories::add);
    product.brand().ifPresent(brand -> doc.put(BRAND, brand));
    ArrayNode attributes = doc.putArray(ATTRIBUTE);
    CatalogTerms.attributeTerms(product).forEach(attributes::add);
    ArrayNode tags = doc.putArray(TAG);
    product.tags().stream().sorted().forEach(tags::add);
    doc.put(PRICE, product.priceCents());
    doc.put(STOCK, product.stock());
    doc.put(CREATED, product.createdAt().toEpochMilli());
    doc.set(PRODUCT, Json.MAPPER.valueToTree(product));
    change.ifPresent(
        c -> {
          doc.put(CHANGED, c.changedAt().toEpochMilli());
          doc.set(CHANGE, Json.MAPPER.valueToTree(c));
        });
    return Json.MAPPER.writeValueAsBytes(doc);
  }
}
