package io.fanshelf.api.store;

import io.fanshelf.api.auth.Tokens;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchBackend;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments.Entry;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;

/**
 * The API's records as documents of the cluster's {@code <prefix>-api} index: each kind of record
 * (segment, share link ...) written with the API's own JSON mapper, found by id, owner or lookup
 * value. Thread-safe.
 *
 * @param <T> the record type of one kind
 */
public final class SharedDocuments<T> {
  private final ElasticsearchDocuments documents;
  private final ObjectMapper mapper;
  private final String kind;
  private final JavaType type;

  /**
   * The cluster's API documents when the indexer runs on Elasticsearch (the scale-out layout);
   * empty on the embedded Lucene store, whose API state stays in files under {@code <data>/api}.
   */
  public static Optional<ElasticsearchDocuments> of(Indexer indexer) {
    return indexer.store() instanceof ElasticsearchBackend backend
        ? Optional.of(backend.apiDocuments())
        : Optional.empty();
  }

  public SharedDocuments(
      ElasticsearchDocuments documents, ObjectMapper mapper, String kind, Class<T> type) {
    this.documents = documents;
    this.mapper = mapper;
    this.kind = kind;
    this.type = mapper.constructType(type);
  }

  /**
   * The document id of the record with these key parts: the kind and the SHA-256 of the parts, as
   * owner and record ids may be long or hold any character.
   */
  public String id(String... parts) {
    return kind + "-" + Tokens.fingerprint(String.join("\u0000", parts));
  }

  public String kind() {
    return kind;
  }

  /** A record as a document. */
  public Entry entry(
      String id, Optional<String> owner, List<String> lookup, OptionalLong expires, T value) {
    try {
      return new Entry(id, kind, owner, lookup, expires, mapper.writeValueAsString(value));
    } catch (JacksonException e) {
      throw new IllegalStateException("could not write a " + kind + " as JSON", e);
    }
  }

  /** The record stored in a document. */
  public T value(Entry entry) {
    return mapper.readValue(entry.json(), type);
  }

  public Optional<ElasticsearchDocuments.Stored> get(String id) throws IOException {
    return documents.get(id);
  }

  /** Every record of this kind, ordered by {@code order}. */
  public List<T> all(Comparator<T> order) throws IOException {
    return values(documents.find(kind), order);
  }

  /** The owner's records of this kind, ordered by {@code order}. */
  public List<T> ofOwner(String owner, Comparator<T> order) throws IOException {
    return values(documents.findByOwner(kind, owner), order);
  }

  /** The records of this kind with {@code lookup} among their lookup values. */
  public List<ElasticsearchDocuments.Entry> withLookup(String lookup) throws IOException {
    return documents.findByLookup(kind, lookup);
  }

  private List<T> values(List<Entry> entries, Comparator<T> order) {
    return entries.stream().map(this::value).sorted(order).toList();
  }

  public ElasticsearchDocuments documents() {
    return documents;
  }

  /** A function from a stored document to its record. */
  public Function<ElasticsearchDocuments.Stored, T> stored() {
    return stored -> value(stored.entry());
  }
}
