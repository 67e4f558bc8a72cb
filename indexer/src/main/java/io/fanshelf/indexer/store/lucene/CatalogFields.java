package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductChange;
import io.fanshelf.indexer.store.CatalogTerms;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/** The catalog index's fields: one place, each with why it is indexed the way it is. */
final class CatalogFields {
  /**
   * Keyword: exact lookups, and the term that replaces a product on update. Sorted doc values break
   * score ties by id and give hits their ids without loading stored fields.
   */
  static final String ID = "id";

  /**
   * Text (smartcn analyzer) over {@link CatalogTerms#searchableText}: title, category names, brand,
   * attribute values and tags, so a free-text need in Chinese or English ("想买花茶", "green tea")
   * finds products.
   */
  static final String TEXT = "text";

  /**
   * Keyword, one term per category prefix (美妆, 美妆>护肤, 美妆>护肤>面霜): a taxonomy category rule or an
   * assortment filter is then a single term query, not a prefix scan.
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

  /** Point (range filters, price-band rules) over the price in cents. */
  static final String PRICE = "price";

  /** Point: in-stock filter. */
  static final String STOCK = "stock";

  /** Point (created-after filter) and numeric doc values (newest-first sort). */
  static final String CREATED = "created";

  /**
   * Point (changed-after filter) and numeric doc values (newest-first sort) over the time of the
   * product's latest price or stock change; absent on a product that never changed.
   */
  static final String CHANGED = "changed";

  /** Stored only: the latest {@link io.fanshelf.indexer.model.ProductChange} as JSON. */
  static final String CHANGE = "_change";

  /** Stored only: the whole product as JSON, to give back exactly what was imported. */
  static final String SOURCE = "_source";

  private CatalogFields() {}

  static Document toDocument(
      Product product,
      byte[] source,
      Optional<ProductChange> change,
      Optional<byte[]> changeSource) {
    Document doc = new Document();
    String id = product.id().value();
    doc.add(new StringField(ID, id, Field.Store.NO));
    doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
    doc.add(new TextField(TEXT, CatalogTerms.searchableText(product), Field.Store.NO));
    for (String prefix : CatalogTerms.categoryPrefixes(product)) {
      doc.add(new StringField(CATEGORY, prefix, Field.Store.NO));
    }
    product.brand().ifPresent(brand -> doc.add(new StringField(BRAND, brand, Field.Store.NO)));
    for (String term : CatalogTerms.attributeTerms(product)) {
      doc.add(new StringField(ATTRIBUTE, term, Field.Store.NO));
    }
    product.tags().forEach(tag -> doc.add(new StringField(TAG, tag, Field.Store.NO)));
    doc.add(new LongPoint(PRICE, product.priceCents()));
    doc.add(new LongPoint(STOCK, product.stock()));
    long created = product.createdAt().toEpochMilli();
    doc.add(new LongPoint(CREATED, created));
    doc.add(new NumericDocValuesField(CREATED, created));
    doc.add(new StoredField(SOURCE, source));
    if (change.isPresent()) {
      long changed = change.get().changedAt().toEpochMilli();
      doc.add(new LongPoint(CHANGED, changed));
      doc.add(new NumericDocValuesField(CHANGED, changed));
      doc.add(new StoredField(CHANGE, changeSource.orElseThrow()));
    }
    return doc;
  }
}
