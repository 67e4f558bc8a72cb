package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelRemoval;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanPage;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.FanQuery;
import io.fanshelf.indexer.store.FanStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/** Fans and labels on Lucene. Thread-safe; {@link LuceneBackend} closes it. */
final class LuceneFanStore implements FanStore {
  private static final Sort BY_FAN = new Sort(new SortField(FanFields.FAN, SortField.Type.STRING));

  private final LuceneIndex index;

  LuceneFanStore(Path path) throws IOException {
    this.index = new LuceneIndex(path, new KeywordAnalyzer(), Optional.empty());
  }

  private record Key(OwnerId owner, FanId fan) {}

  @Override
  public void upsertFans(List<Fan> fans) throws IOException {
    index.write(
        (writer, before) -> {
          Map<Key, FanProfile> changed = new LinkedHashMap<>();
          for (Fan fan : fans) {
            Key key = new Key(fan.owner(), fan.id());
            FanProfile current = current(changed, key, before);
            Map<String, Label> labels = current == null ? Map.of() : current.labels();
            changed.put(key, new FanProfile(fan, labels));
          }
          save(writer, changed.values());
          return null;
        });
  }

  @Override
  public void changeLabels(List<Label> set, List<LabelRemoval> removals) throws IOException {
    index.write(
        (writer, before) -> {
          Map<Key, FanProfile> changed = new LinkedHashMap<>();
          for (Label label : set) {
            Key key = new Key(label.owner(), label.fan());
            FanProfile current = current(changed, key, before);
            Fan fan =
                current != null
                    ? current.fan()
                    : new Fan(label.owner(), label.fan(), Optional.empty(), label.time());
            Map<String, Label> merged =
                new HashMap<>(current == null ? Map.of() : current.labels());
            merged.put(label.dimension(), label);
            changed.put(key, new FanProfile(fan, merged));
          }
          for (LabelRemoval removal : removals) {
            Key key = new Key(removal.owner(), removal.fan());
            FanProfile current = current(changed, key, before);
            if (current != null && current.labels().containsKey(removal.dimension())) {
              Map<String, Label> kept = new HashMap<>(current.labels());
              kept.remove(removal.dimension());
              changed.put(key, new FanProfile(current.fan(), kept));
            }
          }
          save(writer, changed.values());
          return null;
        });
  }

  private static FanProfile current(Map<Key, FanProfile> changed, Key key, IndexSearcher before)
      throws IOException {
    FanProfile pending = changed.get(key);
    return pending != null ? pending : load(before, key.owner(), key.fan()).orElse(null);
  }

  private static void save(
      org.apache.lucene.index.IndexWriter writer, Collection<FanProfile> profiles)
      throws IOException {
    for (FanProfile profile : profiles) {
      writer.updateDocument(
          FanFields.key(profile.fan().owner(), profile.fan().id()),
          FanFields.toDocument(profile, Json.MAPPER.writeValueAsBytes(profile)));
    }
  }

  private static Optional<FanProfile> load(IndexSearcher searcher, OwnerId owner, FanId fan)
      throws IOException {
    TopDocs hits = searcher.search(new TermQuery(FanFields.key(owner, fan)), 1);
    if (hits.scoreDocs.length == 0) {
      return Optional.empty();
    }
    return Optional.of(load(searcher, hits.scoreDocs[0].doc));
  }

  private static FanProfile load(IndexSearcher searcher, int doc) throws IOException {
    BytesRef source = LuceneIndex.source(searcher, doc, FanFields.PROFILE, FanFields.LEGACY_SOURCE);
    return Json.MAPPER.readValue(source.bytes, source.offset, source.length, FanProfile.class);
  }

  @Override
  public Optional<FanProfile> get(OwnerId owner, FanId fan) throws IOException {
    return index.read(searcher -> load(searcher, owner, fan));
  }

  @Override
  public FanPage find(FanQuery query) throws IOException {
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    filter.add(new TermQuery(new Term(FanFields.OWNER, query.owner().value())), Occur.FILTER);
    query
        .labels()
        .forEach(
            (dimension, values) -> {
              BooleanQuery.Builder anyValue = new BooleanQuery.Builder();
              values.forEach(
                  value ->
                      anyValue.add(
                          new TermQuery(
                              new Term(FanFields.LABEL, FanFields.labelTerm(dimension, value))),
                          Occur.SHOULD));
              filter.add(anyValue.build(), Occur.FILTER);
            });
    for (String dimension : query.unlabelled()) {
      filter.add(new TermQuery(new Term(FanFields.LABELLED, dimension)), Occur.MUST_NOT);
    }
    if (!query.unlabelled().isEmpty()) {
      filter.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
    }
    Query matching = filter.build();
    Query page =
        query.after().isEmpty()
            ? matching
            : new BooleanQuery.Builder()
                .add(matching, Occur.FILTER)
                .add(
                    TermRangeQuery.newStringRange(
                        FanFields.FAN, query.after().get(), null, false, true),
                    Occur.FILTER)
                .build();
    return index.read(
        searcher -> {
          long total = searcher.count(matching);
          TopDocs top = searcher.search(page, query.pageSize() + 1, BY_FAN, false);
          List<FanProfile> fans = new ArrayList<>();
          ScoreDoc[] hits = top.scoreDocs;
          for (int i = 0; i < Math.min(hits.length, query.pageSize()); i++) {
            fans.add(load(searcher, hits[i].doc));
          }
          Optional<String> next =
              hits.length > query.pageSize()
                  ? Optional.of(fans.getLast().fan().id().value())
                  : Optional.empty();
          return new FanPage(fans, total, next);
        });
  }

  @Override
  public List<FanProfile> profilesOf(FanId fan) throws IOException {
    return index.read(
        searcher -> {
          Query ofFan = new TermQuery(new Term(FanFields.FAN, fan.value()));
          // Sized by the count: a top-10,000 collector would allocate its heap on every call.
          int profiles = searcher.count(ofFan);
          if (profiles == 0) {
            return List.of();
          }
          TopDocs top = searcher.search(ofFan, profiles);
          List<FanProfile> found = new ArrayList<>();
          for (ScoreDoc hit : top.scoreDocs) {
            found.add(load(searcher, hit.doc));
          }
          return found;
        });
  }

  @Override
  public long count() throws IOException {
    return index.read(searcher -> (long) searcher.getIndexReader().numDocs());
  }

  @Override
  public void forEach(Consumer<FanProfile> visitor) throws IOException {
    index.forEachSource(
        FanFields.PROFILE,
        FanFields.LEGACY_SOURCE,
        source ->
            visitor.accept(
                Json.MAPPER.readValue(
                    source.bytes, source.offset, source.length, FanProfile.class)));
  }

  long sizeOnDisk() throws IOException {
    return index.sizeOnDisk();
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
