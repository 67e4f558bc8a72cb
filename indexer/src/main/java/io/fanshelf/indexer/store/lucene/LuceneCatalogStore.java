package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductChange;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.CatalogQuery;
import io.fanshelf.indexer.store.CatalogStore;
import io.fanshelf.indexer.store.ScoredProduct;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/** The catalog on Lucene. Thread-safe; {@link LuceneBackend} closes it. */
final class LuceneCatalogStore implements CatalogStore {
  private static final Sort BY_SCORE_THEN_ID =
      new Sort(SortField.FIELD_SCORE, new SortField(CatalogFields.ID, SortField.Type.STRING));
  private static final Sort NEWEST_FIRST =
      new Sort(
          new SortField(CatalogFields.CREATED, SortField.Type.LONG, true),
          new SortField(CatalogFields.ID, SortField.Type.STRING));

  private final Analyzer analyzer = new SmartChineseAnalyzer();
  private final LuceneIndex index;

  LuceneCatalogStore(Path path) throws IOException {
    this.index = new LuceneIndex(path, analyzer, Optional.empty());
  }

  @Override
  public void upsert(List<Product> products, Instant at) throws IOException {
    List<byte[]> sources = new ArrayList<>(products.size());
    for (Product product : products) {
      sources.add(Json.MAPPER.writeValueAsBytes(product));
    }
    index.write(
        (writer, before) -> {
          // A product repeated in the batch compares with its earlier row, as the store would.
          Map<ProductId, Stored> latest = new HashMap<>();
          for (int i = 0; i < products.size(); i++) {
            Product product = products.get(i);
            Optional<Stored> previous = Optional.ofNullable(latest.get(product.id()));
            if (previous.isEmpty()) {
              previous = stored(before, product.id());
            }
            Optional<Stored> compared = previous;
            Optional<ProductChange> change =
                compared
                    .flatMap(p -> ProductChange.between(p.product(), product, at))
                    .or(() -> compared.flatMap(Stored::change));
            Optional<byte[]> changeSource = Optional.empty();
            if (change.isPresent()) {
              changeSource = Optional.of(Json.MAPPER.writeValueAsBytes(change.get()));
            }
            latest.put(product.id(), new Stored(product, change));
            writer.updateDocument(
                new Term(CatalogFields.ID, product.id().value()),
                CatalogFields.toDocument(product, sources.get(i), change, changeSource));
          }
          return null;
        });
  }

  /** A product as stored, with its latest change. */
  private record Stored(Product product, Optional<ProductChange> change) {}

  private static Optional<Stored> stored(IndexSearcher searcher, ProductId id) throws IOException {
    TopDocs hits = searcher.search(new TermQuery(new Term(CatalogFields.ID, id.value())), 1);
    if (hits.scoreDocs.length == 0) {
      return Optional.empty();
    }
    int doc = hits.scoreDocs[0].doc;
    return Optional.of(new Stored(load(searcher.storedFields(), doc), change(searcher, doc)));
  }

  private static Optional<ProductChange> change(IndexSearcher searcher, int doc)
      throws IOException {
    BytesRef source = searcher.storedFields().document(doc).getBinaryValue(CatalogFields.CHANGE);
    if (source == null) {
      return Optional.empty();
    }
    return Optional.of(
        Json.MAPPER.readValue(source.bytes, source.offset, source.length, ProductChange.class));
  }

  @Override
  public List<ProductChange> changedSince(Instant since) throws IOException {
    Query changed =
        LongPoint.newRangeQuery(CatalogFields.CHANGED, since.toEpochMilli() + 1, Long.MAX_VALUE);
    return index.read(
        searcher -> {
          List<ProductChange> changes = new ArrayList<>();
          int total = Math.max(1, searcher.count(changed));
          for (ScoreDoc hit : searcher.search(changed, total).scoreDocs) {
            change(searcher, hit.doc).ifPresent(changes::add);
          }
          changes.sort(
              Comparator.comparing(ProductChange::changedAt)
                  .reversed()
                  .thenComparing(c -> c.product().value()));
          return changes;
        });
  }

  @Override
  public Optional<Product> get(ProductId id) throws IOException {
    return index.read(
        searcher -> {
          TopDocs hits = searcher.search(new TermQuery(new Term(CatalogFields.ID, id.value())), 1);
          if (hits.scoreDocs.length == 0) {
            return Optional.empty();
          }
          return Optional.of(load(searcher.storedFields(), hits.scoreDocs[0].doc));
        });
  }

  private static Product load(StoredFields fields, int doc) throws IOException {
    BytesRef source = fields.document(doc).getBinaryValue(CatalogFields.SOURCE);
    return Json.MAPPER.readValue(source.bytes, source.offset, source.length, Product.class);
  }

  @Override
  public List<ScoredProduct> search(CatalogQuery query) throws IOException {
    Query lucene = toLuceneQuery(query);
    Sort sort = query.order() == CatalogQuery.Order.NEWEST ? NEWEST_FIRST : BY_SCORE_THEN_ID;
    return index.read(
        searcher -> {
          TopDocs top = searcher.search(lucene, query.limit(), sort, true);
          return toScored(searcher, top.scoreDocs);
        });
  }

  private Query toLuceneQuery(CatalogQuery query) {
    BooleanQuery.Builder scoring = new BooleanQuery.Builder();
    boolean anyScoring = false;
    if (query.text().isPresent()) {
      Query text =
          new QueryBuilder(analyzer).createBooleanQuery(CatalogFields.TEXT, query.text().get());
      if (text != null) {
        scoring.add(text, Occur.SHOULD);
        anyScoring = true;
      }
    }
    for (CatalogQuery.WeightedRule rule : query.rules()) {
      scoring.add(
          new BoostQuery(new ConstantScoreQuery(RuleQueries.toQuery(rule.rule())), rule.weight()),
          Occur.SHOULD);
      anyScoring = true;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    if (anyScoring) {
      all.add(scoring.setMinimumNumberShouldMatch(1).build(), Occur.MUST);
    } else if (query.text().isPresent()) {
      // The text analysed to nothing (only stop words or punctuation): nothing can match it.
      return new org.apache.lucene.search.MatchNoDocsQuery("text had no searchable terms");
    } else {
      // A filter clause, not MUST: with nothing to score, every hit scores 0 as CatalogQuery says.
      all.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
    }
    if (!query.categoryPrefixes().isEmpty()) {
      List<BytesRef> prefixes = query.categoryPrefixes().stream().map(BytesRef::new).toList();
      all.add(new TermInSetQuery(CatalogFields.CATEGORY, prefixes), Occur.FILTER);
    }
    if (query.minPriceCents().isPresent() || query.maxPriceCents().isPresent()) {
      long min = query.minPriceCents().orElse(Long.MIN_VALUE);
      long max =
          query.maxPriceCents().isPresent()
              ? query.maxPriceCents().getAsLong() - 1
              : Long.MAX_VALUE;
      all.add(LongPoint.newRangeQuery(CatalogFields.PRICE, min, max), Occur.FILTER);
    }
    query
        .createdAfter()
        .ifPresent(
            after ->
                all.add(
                    LongPoint.newRangeQuery(
                        CatalogFields.CREATED, after.toEpochMilli() + 1, Long.MAX_VALUE),
                    Occur.FILTER));
    if (query.inStockOnly()) {
      all.add(LongPoint.newRangeQuery(CatalogFields.STOCK, 1, Long.MAX_VALUE), Occur.FILTER);
    }
    return all.build();
  }

  private static List<ScoredProduct> toScored(IndexSearcher searcher, ScoreDoc[] hits)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<ScoredProduct> result = new ArrayList<>(hits.length);
    for (ScoreDoc hit : hits) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
      SortedDocValues ids = leaf.reader().getSortedDocValues(CatalogFields.ID);
      int local = hit.doc - leaf.docBase;
      if (ids == null || !ids.advanceExact(local)) {
        throw new IOException("catalog document " + hit.doc + " has no id doc value");
      }
      float score = Float.isNaN(hit.score) ? 0f : hit.score;
      result.add(
          new ScoredProduct(new ProductId(ids.lookupOrd(ids.ordValue()).utf8ToString()), score));
    }
    return result;
  }

  @Override
  public long count() throws IOException {
    return index.read(searcher -> (long) searcher.getIndexReader().numDocs());
  }

  @Override
  public void forEach(Consumer<Product> visitor) throws IOException {
    index.forEachStored(
        CatalogFields.SOURCE,
        source ->
            visitor.accept(
                Json.MAPPER.readValue(source.bytes, source.offset, source.length, Product.class)));
  }

  /** On as many threads as there are processors: parsing the products is most of the time. */
  @Override
  public List<Product> all() throws IOException {
    return index.mapStored(
        CatalogFields.SOURCE,
        Runtime.getRuntime().availableProcessors(),
        source -> Json.MAPPER.readValue(source.bytes, source.offset, source.length, Product.class));
  }

  long sizeOnDisk() throws IOException {
    return index.sizeOnDisk();
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
