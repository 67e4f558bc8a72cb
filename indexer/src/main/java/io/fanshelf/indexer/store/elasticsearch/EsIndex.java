package io.fanshelf.indexer.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import co.elastic.clients.util.ObjectBuilder;
import jakarta.json.JsonString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * One Elasticsearch index and the few operations the stores need on it, with documents as raw JSON
 * bytes (FanShelf's own mapper writes and reads them). Translates Elasticsearch's error responses
 * into {@link IOException}s that name the index. Thread-safe; the client belongs to {@link
 * ElasticsearchBackend}.
 */
final class EsIndex {
  /** Bulk requests are cut at this many operations ... */
  private static final int CHUNK_OPERATIONS = 1_000;

  /** ... or at about this many bytes of documents, whichever comes first. */
  private static final long CHUNK_BYTES = 8L << 20;

  /** Elasticsearch's default {@code index.max_result_window}. */
  private static final int MAX_HITS = 10_000;

  /** Page size of {@link #forEach}. */
  private static final int PAGE = 1_000;

  private final ElasticsearchClient client;
  private final String name;
  private final Refresh refresh;

  EsIndex(ElasticsearchClient client, String name, ElasticsearchOptions.Refresh refresh) {
    this.client = client;
    this.name = name;
    this.refresh =
        refresh == ElasticsearchOptions.Refresh.IMMEDIATE ? Refresh.True : Refresh.WaitFor;
  }

  String name() {
    return name;
  }

  /** A stored document: its {@code _source} and the version a conditional write must name. */
  record Doc(String id, byte[] source, long seqNo, long primaryTerm) {}

  /** Where a document lives: its id and, for indices routed by a field, the routing value. */
  record Key(String id, Optional<String> routing) {}

  /**
   * One operation of a bulk request, on this index or, when {@code index} is given, on that one
   * (the events indices: a request through the read alias writes each event into its period's
   * index).
   */
  record Write(
      Kind kind,
      Key key,
      Optional<byte[]> source,
      OptionalLong ifSeqNo,
      OptionalLong ifPrimaryTerm,
      Optional<String> index) {

    enum Kind {
      /** Create or replace. */
      INDEX,
      /** Create; 409 if the id exists. */
      CREATE,
      DELETE
    }

    static Write index(Key key, byte[] source) {
      return new Write(
          Kind.INDEX,
          key,
          Optional.of(source),
          OptionalLong.empty(),
          OptionalLong.empty(),
          Optional.empty());
    }

    static Write create(Key key, byte[] source) {
      return new Write(
          Kind.CREATE,
          key,
          Optional.of(source),
          OptionalLong.empty(),
          OptionalLong.empty(),
          Optional.empty());
    }

    /** Replaces the document only if it is still at {@code seqNo}/{@code primaryTerm}. */
    static Write replace(Key key, byte[] source, long seqNo, long primaryTerm) {
      return new Write(
          Kind.INDEX,
          key,
          Optional.of(source),
          OptionalLong.of(seqNo),
          OptionalLong.of(primaryTerm),
          Optional.empty());
    }

    /** Deletes the document only if it is still at {@code seqNo}/{@code primaryTerm}. */
    static Write delete(Key key, long seqNo, long primaryTerm) {
      return new Write(
          Kind.DELETE,
          key,
          Optional.empty(),
          OptionalLong.of(seqNo),
          OptionalLong.of(primaryTerm),
          Optional.empty());
    }

    /** This operation on {@code index} (empty: the index that sends it). */
    Write in(Optional<String> index) {
      return new Write(kind, key, source, ifSeqNo, ifPrimaryTerm, index);
    }

    long bytes() {
      return source.map(s -> (long) s.length).orElse(0L) + 100;
    }
  }

  /** What a bulk operation did: HTTP-like status, and on success the version it wrote. */
  record Outcome(Write write, int status, long seqNo, long primaryTerm, String error) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    boolean conflict() {
      return status == 409;
    }

    String describe() {
      return "'"
          + write.key().id()
          + "'"
          + write.index().map(index -> " in " + index).orElse("")
          + ": "
          + status
          + " "
          + error;
    }
  }

  /** A call to the cluster. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }

  /** Runs {@code call}, turning an error response into an IOException that names the index. */
  <T> T call(String what, Call<T> call) throws IOException {
    try {
      return call.run();
    } catch (ElasticsearchException e) {
      throw new IOException(
          "Elasticsearch refused to " + what + " on index " + name + ": " + describe(e.error()), e);
    }
  }

  static String describe(ErrorCause error) {
    if (error == null) {
      return "(no reason given)";
    }
    String text = error.type() + ": " + error.reason();
    return error.causedBy() == null
        ? text
        : text + " (caused by " + describe(error.causedBy()) + ")";
  }

  // ---------------------------------------------------------------- index lifecycle

  /**
   * Starts creating the index from {@code definition} (settings and mappings) unless it exists; the
   * future completes when its primary shards are active. Sent without asking first whether the
   * index exists: an existing index answers "already exists" at once, and the backend's indices are
   * created side by side.
   */
  CompletableFuture<Void> createIfMissing(ElasticsearchAsyncClient async, String definition) {
    CompletableFuture<Void> created = new CompletableFuture<>();
    CompletableFuture<?> request;
    try {
      request = async.indices().create(c -> c.index(name).withJson(new StringReader(definition)));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    request.whenComplete(
        (response, failure) -> {
          Throwable cause =
              failure instanceof CompletionException && failure.getCause() != null
                  ? failure.getCause()
                  : failure;
          if (cause == null
              || cause instanceof ElasticsearchException e
                  && "resource_already_exists_exception".equals(e.error().type())) {
            created.complete(null);
          } else if (cause instanceof ElasticsearchException e) {
            created.completeExceptionally(
                new IOException("could not create index " + name + ": " + describe(e.error()), e));
          } else {
            created.completeExceptionally(cause);
          }
        });
    return created;
  }

  /** The index mapping's {@code _meta} value {@code key}, if set. */
  Optional<String> mappingMeta(String key) throws IOException {
    return call(
        "read the mapping",
        () -> {
          var mapping = client.indices().getMapping(m -> m.index(name)).get(name);
          if (mapping == null || mapping.mappings().meta() == null) {
            return Optional.empty();
          }
          return Optional.ofNullable(mapping.mappings().meta().get(key))
              .map(JsonData::toJson)
              .map(json -> json instanceof JsonString text ? text.getString() : json.toString());
        });
  }

  void refresh() throws IOException {
    call("refresh", () -> client.indices().refresh(r -> r.index(name)));
  }

  /** Whether an index (or alias) of this name exists. */
  boolean exists() throws IOException {
    return call("check existence", () -> client.indices().exists(e -> e.index(name)).value());
  }

  /** Adds this index to the alias {@code alias} (nothing happens if it is a member already). */
  void addToAlias(String alias) throws IOException {
    call("add alias " + alias, () -> client.indices().putAlias(a -> a.index(name).name(alias)));
  }

  /** The indices this alias points to. */
  Set<String> aliasMembers() throws IOException {
    return call(
        "list the alias's indices",
        () -> Set.copyOf(client.indices().getAlias(a -> a.name(name)).aliases().keySet()));
  }

  /** Deletes this whole index (never document by document); gone already is fine. */
  void drop() throws IOException {
    call(
        "drop the index",
        () -> client.indices().delete(d -> d.index(name).ignoreUnavailable(true)));
  }

  // ---------------------------------------------------------------- reads

  /** A real-time get: sees every acknowledged write, refreshed or not. */
  Optional<Doc> get(Key key) throws IOException {
    GetResponse<BinaryData> response =
        call(
            "get '" + key.id() + "'",
            () ->
                client.get(
                    g -> {
                      g.index(name).id(key.id());
                      key.routing().ifPresent(g::routing);
                      return g;
                    },
                    BinaryData.class));
    if (!response.found()) {
      return Optional.empty();
    }
    return Optional.of(
        new Doc(key.id(), bytes(response.source()), response.seqNo(), response.primaryTerm()));
  }

  /** Real-time gets of many documents, by id; missing ids are absent from the map. */
  Map<String, Doc> getAll(List<Key> keys) throws IOException {
    Map<String, Doc> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    for (int from = 0; from < keys.size(); from += CHUNK_OPERATIONS) {
      List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK_OPERATIONS));
      MgetResponse<BinaryData> response =
          call(
              "get " + chunk.size() + " documents",
              () ->
                  client.mget(
                      m -> {
                        m.index(name);
                        for (Key key : chunk) {
                          m.docs(
                              d -> {
                                d.id(key.id());
                                key.routing().ifPresent(d::routing);
                                return d;
                              });
                        }
                        return m;
                      },
                      BinaryData.class));
      for (MultiGetResponseItem<BinaryData> item : response.docs()) {
        if (item.isFailure()) {
          throw new IOException(
              "Elasticsearch could not get '"
                  + item.failure().id()
                  + "' from index "
                  + name
                  + ": "
                  + describe(item.failure().error()));
        }
        var result = item.result();
        if (result.found()) {
          found.put(
              result.id(),
              new Doc(result.id(), bytes(result.source()), result.seqNo(), result.primaryTerm()));
        }
      }
    }
    return found;
  }

  SearchResponse<BinaryData> search(
      Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request) throws IOException {
    return call("search", () -> client.search(s -> request.apply(s.index(name)), BinaryData.class));
  }

  /** Which of {@code ids} are the {@code _id} of a document, as of the last refresh. */
  Set<String> idsPresent(Collection<String> ids) throws IOException {
    if (ids.isEmpty()) {
      return Set.of();
    }
    List<String> values = List.copyOf(ids);
    // The same id may sit in more than one index of an alias (see ElasticsearchEventStore).
    int size = Math.min(MAX_HITS, 2 * values.size());
    Set<String> present = new HashSet<>();
    for (Hit<BinaryData> hit :
        search(
                s ->
                    s.query(q -> q.ids(i -> i.values(values)))
                        .size(size)
                        .source(f -> f.fetch(false)))
            .hits()
            .hits()) {
      present.add(hit.id());
    }
    return present;
  }

  long count(Query query) throws IOException {
    return call("count", () -> client.count(c -> c.index(name).query(query)).count());
  }

  /** Receives one document's {@code _source}. */
  @FunctionalInterface
  interface SourceVisitor {
    void accept(byte[] source) throws IOException;
  }

  /**
   * Visits every document matching {@code query} as of one point in time (documents written while
   * it runs are not visited), in no particular order, a page at a time.
   */
  void forEach(Query query, SourceVisitor visitor) throws IOException {
    String pit =
        call(
            "open a point in time",
            () -> client.openPointInTime(p -> p.index(name).keepAlive(t -> t.time("2m"))).id());
    try {
      List<FieldValue> after = List.of();
      while (true) {
        List<FieldValue> from = after;
        SearchResponse<BinaryData> page =
            call(
                "page through",
                () ->
                    client.search(
                        s -> {
                          s.pit(p -> p.id(pit).keepAlive(t -> t.time("2m")))
                              .query(query)
                              .size(PAGE)
                              .sort(SHARD_DOC);
                          if (!from.isEmpty()) {
                            s.searchAfter(from);
                          }
                          return s;
                        },
                        BinaryData.class));
        List<Hit<BinaryData>> hits = page.hits().hits();
        for (Hit<BinaryData> hit : hits) {
          visitor.accept(bytes(hit.source()));
        }
        if (hits.size() < PAGE) {
          return;
        }
        after = hits.getLast().sort();
      }
    } finally {
      try {
        client.closePointInTime(c -> c.id(pit));
      } catch (IOException | ElasticsearchException e) {
        // It expires by itself after its keep-alive.
      }
    }
  }

  private static final SortOptions SHARD_DOC =
      SortOptions.of(s -> s.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));

  static byte[] bytes(BinaryData data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(16, data.size()));
    data.writeTo(out);
    return out.toByteArray();
  }

  // ---------------------------------------------------------------- writes

  /**
   * Sends {@code writes} in as few bulk requests as the size limits allow and makes them visible to
   * the next read: one request carries the configured refresh; several are followed by an explicit
   * refresh. Elasticsearch applies each operation on its own; the outcomes say which did what.
   */
  List<Outcome> bulk(List<Write> writes) throws IOException {
    if (writes.isEmpty()) {
      return List.of();
    }
    List<List<Write>> chunks = chunks(writes);
    List<Outcome> outcomes = new ArrayList<>(writes.size());
    if (chunks.size() == 1) {
      return bulkRequest(chunks.getFirst(), true);
    }
    for (List<Write> chunk : chunks) {
      outcomes.addAll(bulkRequest(chunk, false));
    }
    refresh();
    return outcomes;
  }

  /** One bulk request; with {@code visible}, it returns once the next read sees it. */
  List<Outcome> bulkRequest(List<Write> writes, boolean visible) throws IOException {
    if (writes.isEmpty()) {
      return List.of();
    }
    List<BulkOperation> operations = new ArrayList<>(writes.size());
    for (Write write : writes) {
      operations.add(operation(write));
    }
    BulkResponse response =
        call(
            "apply a bulk request",
            () ->
                client.bulk(
                    b -> b.operations(operations).refresh(visible ? refresh : Refresh.False)));
    List<BulkResponseItem> items = response.items();
    if (items.size() != writes.size()) {
      throw new IOException(
          "Elasticsearch answered a bulk request of "
              + writes.size()
              + " operations with "
              + items.size()
              + " results on index "
              + name);
    }
    List<Outcome> outcomes = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      BulkResponseItem item = items.get(i);
      outcomes.add(
          new Outcome(
              writes.get(i),
              item.status(),
              item.seqNo() == null ? -1 : item.seqNo(),
              item.primaryTerm() == null ? -1 : item.primaryTerm(),
              item.error() == null ? "" : describe(item.error())));
    }
    return outcomes;
  }

  /** {@code writes} cut into bulk requests of bounded size, in order. */
  List<List<Write>> chunks(List<Write> writes) {
    List<List<Write>> chunks = new ArrayList<>();
    List<Write> chunk = new ArrayList<>();
    long bytes = 0;
    for (Write write : writes) {
      if (!chunk.isEmpty()
          && (chunk.size() == CHUNK_OPERATIONS || bytes + write.bytes() > CHUNK_BYTES)) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        bytes = 0;
      }
      chunk.add(write);
      bytes += write.bytes();
    }
    chunks.add(chunk);
    return chunks;
  }

  private BulkOperation operation(Write write) {
    Key key = write.key();
    String name = write.index().orElse(this.name);
    String routing = key.routing().orElse(null);
    Long seqNo = write.ifSeqNo().isPresent() ? write.ifSeqNo().getAsLong() : null;
    Long term = write.ifPrimaryTerm().isPresent() ? write.ifPrimaryTerm().getAsLong() : null;
    return switch (write.kind()) {
      case INDEX ->
          BulkOperation.of(
              o ->
                  o.index(
                      i ->
                          i.index(name)
                              .id(key.id())
                              .routing(routing)
                              .ifSeqNo(seqNo)
                              .ifPrimaryTerm(term)
                              .document(json(write.source().orElseThrow()))));
      case CREATE ->
          BulkOperation.of(
              o ->
                  o.create(
                      c ->
                          c.index(name)
                              .id(key.id())
                              .routing(routing)
                              .document(json(write.source().orElseThrow()))));
      case DELETE ->
          BulkOperation.of(
              o ->
                  o.delete(
                      d ->
                          d.index(name)
                              .id(key.id())
                              .routing(routing)
                              .ifSeqNo(seqNo)
                              .ifPrimaryTerm(term)));
    };
  }

  private static BinaryData json(byte[] source) {
    return BinaryData.of(source, ContentType.APPLICATION_JSON);
  }
}
