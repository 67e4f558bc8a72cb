package io.fanshelf.indexer.store.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.BinaryData;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductChange;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.CatalogQuery;
import io.fanshelf.indexer.store.CatalogStore;
import io.fanshelf.indexer.store.ScoredProduct;
import io.fanshelf.indexer.store.elasticsearch.AllOrNothing.Change;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Doc;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Key;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Write;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The catalog on Elasticsearch. Thread-safe: writes from this process are serialised (so that two
 * failing batches never undo into each other), reads run in parallel. {@link ElasticsearchBackend}
 * closes it.
 */
final class ElasticsearchCatalogStore implements CatalogStore {
  private static final List<SortOptions> BY_SCORE_THEN_ID =
      List.of(
          SortOptions.of(s -> s.score(o -> o.order(SortOrder.Desc))),
          SortOptions.of(s -> s.field(f -> f.field(CatalogDocs.ID).order(SortOrder.Asc))));
  private static final List<SortOptions> NEWEST_FIRST =
      List.of(
          SortOptions.of(s -> s.field(f -> f.field(CatalogDocs.CREATED).order(SortOrder.Desc))),
          SortOptions.of(s -> s.field(f -> f.field(CatalogDocs.ID).order(SortOrder.Asc))));
  private static final Query ALL = Query.of(q -> q.matchAll(m -> m));

  /**
   * Elasticsearch's {@code BM25} similarity is Lucene's {@code LegacyBM25Similarity}: its scores
   * carry the factor {@code k1 + 1} (2.2 with the default k1 = 1.2) that Lucene's BM25Similarity,
   * the Lucene backend's, dropped in Lucene 8. The text clause is boosted by its inverse so a need
   * scores the same on both backends (within float rounding) next to the rule weights it is added
   * to; the recommender's features and trained models read that score.
   */
  static final float TEXT_BOOST = 1f / 2.2f;

  private final EsIndex index;
  private final ReentrantLock writeLock = new ReentrantLock();

  ElasticsearchCatalogStore(EsIndex index) {
    this.index = index;
  }

  private static Key key(ProductId id) {
    return new Key(id.value(), Optional.empty());
  }

  @Override
  public void upsert(List<Product> products, Instant at) throws IOException {
    // A later product with the same id wins; it is compared with the stored one, not the earlier.
    Map<String, Product> byId = new LinkedHashMap<>();
    for (Product product : products) {
      byId.put(product.id().value(), product);
    }
    if (byId.isEmpty()) {
      return;
    }
    List<Key> keys = byId.keySet().stream().map(id -> new Key(id, Optional.empty())).toList();
    writeLock.lock();
    try {
      Map<String, Doc> before = index.getAll(keys);
      List<Change> changes = new ArrayList<>(keys.size());
      for (Key key : keys) {
        Product product = byId.get(key.id());
        Optional<Doc> stored = Optional.ofNullable(before.get(key.id()));
        Optional<ProductChange> change = stored.flatMap(doc -> changeTo(doc, product, at));
        changes.add(new Change(Write.index(key, CatalogDocs.toSource(product, change)), stored));
      }
      AllOrNothing.apply(index, changes);
    } finally {
      writeLock.unlock();
    }
  }

  /** The change from the stored document to {@code product}, or the stored one's last change. */
  private static Optional<ProductChange> changeTo(Doc stored, Product product, Instant at) {
    Product previous = Json.read(stored.source(), CatalogDocs.PRODUCT, Product.class);
    return ProductChange.between(previous, product, at).or(() -> storedChange(stored.source()));
  }

  private static Optional<ProductChange> storedChange(byte[] source) {
    JsonNode change = Json.MAPPER.readTree(source).get(CatalogDocs.CHANGE);
    return change == null || change.isNull()
        ? Optional.empty()
        : Optional.of(Json.MAPPER.treeToValue(change, ProductChange.class));
  }

  @Override
  public List<ProductChange> changedSince(Instant since) throws IOException {
    List<ProductChange> changes = new ArrayList<>();
    index.forEach(
        RuleQueries.range(
            CatalogDocs.CHANGED, OptionalLong.of(since.toEpochMilli() + 1), OptionalLong.empty()),
        source -> storedChange(source).ifPresent(changes::add));
    changes.sort(
        Comparator.comparing(ProductChange::changedAt)
            .reversed()
            .thenComparing(c -> c.product().value()));
    return changes;
  }

  @Override
  public Optional<Product> get(ProductId id) throws IOException {
    return index
        .get(key(id))
        .map(doc -> Json.read(doc.source(), CatalogDocs.PRODUCT, Product.class));
  }

  @Override
  public List<ScoredProduct> search(CatalogQuery query) throws IOException {
    Optional<Query> es = toQuery(query);
    if (es.isEmpty()) {
      return List.of();
    }
    SearchResponse<BinaryData> response =
        index.search(
            s ->
                s.query(es.get())
                    .size(query.limit())
                    .sort(
                        query.order() == CatalogQuery.Order.NEWEST
                            ? NEWEST_FIRST
                            : BY_SCORE_THEN_ID)
                    .trackScores(true)
                    .trackTotalHits(t -> t.enabled(false))
                    .source(src -> src.fetch(false)));
    List<ScoredProduct> hits = new ArrayList<>();
    for (Hit<BinaryData> hit : response.hits().hits()) {
      Double score = hit.score();
      float value = score == null || score.isNaN() ? 0f : score.floatValue();
      hits.add(new ScoredProduct(ProductId.of(hit.id()), value));
    }
    return hits;
  }

  /** The query, or empty when nothing can match (text without a searchable word). */
  private static Optional<Query> toQuery(CatalogQuery query) {
    List<Query> scoring = new ArrayList<>();
    if (query.text().isPresent()) {
      String tokens = SearchText.tokens(query.text().get());
      if (tokens.isEmpty()) {
        return Optional.empty();
      }
      scoring.add(
          Query.of(
              q ->
                  q.match(
                      m ->
                          m.field(CatalogDocs.TEXT)
                              .query(tokens)
                              .analyzer("whitespace")
                              .boost(TEXT_BOOST))));
    }
    for (CatalogQuery.WeightedRule rule : query.rules()) {
      Query matches = RuleQueries.toQuery(rule.rule());
      scoring.add(Query.of(q -> q.constantScore(c -> c.filter(matches).boost(rule.weight()))));
    }
    List<Query> filters = new ArrayList<>();
    if (!query.categoryPrefixes().isEmpty()) {
      List<FieldValue> prefixes = query.categoryPrefixes().stream().map(FieldValue::of).toList();
      filters.add(
          Query.of(q -> q.terms(t -> t.field(CatalogDocs.CATEGORY).terms(v -> v.value(prefixes)))));
    }
    if (query.minPriceCents().isPresent() || query.maxPriceCents().isPresent()) {
      filters.add(
          RuleQueries.range(CatalogDocs.PRICE, query.minPriceCents(), query.maxPriceCents()));
    }
    query
        .createdAfter()
        .ifPresent(
            after ->
                filters.add(
                    RuleQueries.range(
                        CatalogDocs.CREATED,
                        OptionalLong.of(after.toEpochMilli() + 1),
                        OptionalLong.empty())));
    if (query.inStockOnly()) {
      filters.add(RuleQueries.range(CatalogDocs.STOCK, OptionalLong.of(1), OptionalLong.empty()));
    }
    if (scoring.isEmpty()) {
      // Filter clauses only: every hit scores 0, as CatalogQuery says.
      filters.add(ALL);
      return Optional.of(Query.of(q -> q.bool(b -> b.filter(filters))));
    }
    return Optional.of(
        Query.of(q -> q.bool(b -> b.should(scoring).minimumShouldMatch("1").filter(filters))));
  }

  @Override
  public long count() throws IOException {
    return index.count(ALL);
  }

  @Override
  public void forEach(Consumer<Product> visitor) throws IOException {
    index.forEach(
        ALL, source -> visitor.accept(Json.read(source, CatalogDocs.PRODUCT, Product.class)));
  }

  @Override
  public void close() {
    // The backend owns the client.
  }
}
