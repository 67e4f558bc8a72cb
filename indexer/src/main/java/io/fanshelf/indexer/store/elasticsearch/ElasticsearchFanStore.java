package io.fanshelf.indexer.store.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.BinaryData;
import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelRemoval;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanPage;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.FanQuery;
import io.fanshelf.indexer.store.FanStore;
import io.fanshelf.indexer.store.elasticsearch.AllOrNothing.BatchFailedException;
import io.fanshelf.indexer.store.elasticsearch.AllOrNothing.Change;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Doc;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Key;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Write;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Fans and labels on Elasticsearch. A write reads the profiles it changes, merges, and writes them
 * back conditionally (optimistic concurrency: {@code if_seq_no}/{@code if_primary_term}, or create
 * for a new profile), all or nothing. If another writer (another API node) changed one of the
 * profiles in between, the batch is undone and tried again on fresh profiles, so no concurrent
 * label is lost. Thread-safe; writes from this process are serialised. {@link ElasticsearchBackend}
 * closes it.
 */
final class ElasticsearchFanStore implements FanStore {
  /** Attempts of one batch against concurrent writers before giving up. */
  static final int MAX_ATTEMPTS = 20;

  private static final List<SortOptions> BY_FAN =
      List.of(SortOptions.of(s -> s.field(f -> f.field(FanDocs.FAN).order(SortOrder.Asc))));
  private static final Query ALL = Query.of(q -> q.matchAll(m -> m));

  private final EsIndex index;
  private final ReentrantLock writeLock = new ReentrantLock();

  ElasticsearchFanStore(EsIndex index) {
    this.index = index;
  }

  /** How one element of a batch changes a profile; {@code current} is null for a new one. */
  @FunctionalInterface
  private interface Merge<T> {
    FanProfile apply(FanProfile current, T item);
  }

  @Override
  public void upsertFans(List<Fan> fans) throws IOException {
    write(
        List.copyOf(fans),
        fan -> FanDocs.key(fan.owner(), fan.id()),
        (current, fan) -> new FanProfile(fan, current == null ? Map.of() : current.labels()));
  }

  @Override
  public void changeLabels(List<Label> set, List<LabelRemoval> removals) throws IOException {
    List<Object> batch = new ArrayList<>(set);
    batch.addAll(removals);
    write(
        List.copyOf(batch),
        item ->
            item instanceof Label label
                ? FanDocs.key(label.owner(), label.fan())
                : FanDocs.key(((LabelRemoval) item).owner(), ((LabelRemoval) item).fan()),
        (current, item) -> {
          if (item instanceof Label label) {
            Fan fan =
                current != null
                    ? current.fan()
                    : new Fan(label.owner(), label.fan(), Optional.empty(), label.time());
            Map<String, Label> merged =
                new HashMap<>(current == null ? Map.of() : current.labels());
            merged.put(label.dimension(), label);
            return new FanProfile(fan, merged);
          }
          String dimension = ((LabelRemoval) item).dimension();
          if (current == null || !current.labels().containsKey(dimension)) {
            return current; // nothing to remove: unchanged, or still absent
          }
          Map<String, Label> kept = new HashMap<>(current.labels());
          kept.remove(dimension);
          return new FanProfile(current.fan(), kept);
        });
  }

  /**
   * Applies {@code batch} (already copied, so iterating it cannot fail midway) all or nothing,
   * retrying on conflicts with concurrent writers.
   */
  private <T> void write(List<T> batch, java.util.function.Function<T, Key> keyOf, Merge<T> merge)
      throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, Key> keys = new LinkedHashMap<>();
    for (T item : batch) {
      Key key = keyOf.apply(item);
      keys.putIfAbsent(key.id(), key);
    }
    writeLock.lock();
    try {
      BatchFailedException last = null;
      for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        Map<String, Doc> stored = index.getAll(List.copyOf(keys.values()));
        Map<String, FanProfile> changed = new LinkedHashMap<>();
        for (T item : batch) {
          String id = keyOf.apply(item).id();
          FanProfile current = changed.get(id);
          if (current == null && stored.containsKey(id)) {
            current = FanDocs.profile(stored.get(id).source());
          }
          changed.put(id, merge.apply(current, item));
        }
        List<Change> changes = new ArrayList<>(changed.size());
        changed.forEach(
            (id, profile) -> {
              // a removal on a fan the owner does not have leaves it absent
              if (profile != null) {
                changes.add(change(keys.get(id), profile, stored.get(id)));
              }
            });
        if (changes.isEmpty()) {
          return;
        }
        try {
          AllOrNothing.apply(index, changes);
          return;
        } catch (BatchFailedException e) {
          if (!e.onlyConflicts()) {
            throw e;
          }
          last = e;
        }
      }
      throw new IOException(
          "gave up after "
              + MAX_ATTEMPTS
              + " attempts: other writers kept changing the same fans; nothing of this batch was"
              + " kept, try again",
          last);
    } finally {
      writeLock.unlock();
    }
  }

  /** Writes {@code profile} only if the stored one is still {@code before} (or still absent). */
  private static Change change(Key key, FanProfile profile, Doc before) {
    byte[] source = FanDocs.toSource(profile);
    Write write =
        before == null
            ? Write.create(key, source)
            : Write.replace(key, source, before.seqNo(), before.primaryTerm());
    return new Change(write, Optional.ofNullable(before));
  }

  @Override
  public Optional<FanProfile> get(OwnerId owner, FanId fan) throws IOException {
    return index.get(FanDocs.key(owner, fan)).map(doc -> FanDocs.profile(doc.source()));
  }

  @Override
  public FanPage find(FanQuery query) throws IOException {
    List<Query> filters = new ArrayList<>();
    filters.add(RuleQueries.term(FanDocs.OWNER, query.owner().value()));
    query
        .labels()
        .forEach(
            (dimension, values) -> {
              List<FieldValue> terms =
                  values.stream()
                      .sorted()
                      .map(value -> FieldValue.of(FanDocs.labelTerm(dimension, value)))
                      .toList();
              filters.add(
                  Query.of(q -> q.terms(t -> t.field(FanDocs.LABEL).terms(v -> v.value(terms)))));
            });
    List<Query> without = new ArrayList<>();
    query.unlabelled().stream()
        .sorted()
        .forEach(dimension -> without.add(RuleQueries.term(FanDocs.LABELLED, dimension)));
    Query matching = Query.of(q -> q.bool(b -> b.filter(filters).mustNot(without)));
    SearchResponse<BinaryData> response =
        index.search(
            s -> {
              s.routing(query.owner().value())
                  .query(matching)
                  .sort(BY_FAN)
                  .size(query.pageSize() + 1)
                  .trackTotalHits(t -> t.enabled(true));
              query.after().ifPresent(after -> s.searchAfter(List.of(FieldValue.of(after))));
              return s;
            });
    List<Hit<BinaryData>> hits = response.hits().hits();
    List<FanProfile> fans = new ArrayList<>();
    for (int i = 0; i < Math.min(hits.size(), query.pageSize()); i++) {
      fans.add(FanDocs.profile(EsIndex.bytes(hits.get(i).source())));
    }
    Optional<String> next =
        hits.size() > query.pageSize()
            ? Optional.of(fans.getLast().fan().id().value())
            : Optional.empty();
    return new FanPage(fans, response.hits().total().value(), next);
  }

  @Override
  public List<FanProfile> profilesOf(FanId fan) throws IOException {
    SearchResponse<BinaryData> response =
        index.search(
            s -> s.query(RuleQueries.term(FanDocs.FAN, fan.value())).size(10_000).sort(BY_FAN));
    List<FanProfile> profiles = new ArrayList<>();
    for (Hit<BinaryData> hit : response.hits().hits()) {
      profiles.add(FanDocs.profile(EsIndex.bytes(hit.source())));
    }
    return profiles;
  }

  @Override
  public long count() throws IOException {
    return index.count(ALL);
  }

  @Override
  public void forEach(Consumer<FanProfile> visitor) throws IOException {
    index.forEach(ALL, source -> visitor.accept(FanDocs.profile(source)));
  }

  @Override
  public void close() {
    // The backend owns the client.
  }
}
