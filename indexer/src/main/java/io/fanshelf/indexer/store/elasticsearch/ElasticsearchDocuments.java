package io.fanshelf.indexer.store.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Doc;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Key;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Outcome;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Write;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API nodes' own small documents (owner accounts, API keys, owner tokens, segments, pins and
 * blocks, share links) in one index, {@code <prefix>-api}, so that every node of a scale-out
 * deployment reads and writes the same state and nothing is lost with a node. Each document has a
 * kind, an owner, lookup values to find it by, an optional expiry and the API's JSON, kept as is.
 *
 * <p>Durable and visible as the other indices are (docs/operations.md): a write returns once the
 * primary and the in-sync replicas have it in their translog, with the configured refresh, so the
 * next search on any node sees it. Gets by id are real-time. Thread-safe.
 */
public final class ElasticsearchDocuments {
  private static final String ID = "id";
  private static final String KIND = "kind";
  private static final String OWNER = "owner";
  private static final String LOOKUP = "lookup";
  private static final String EXPIRES = "expires";
  private static final String DOC = "doc";

  /**
   * One document.
   *
   * @param id the document id, unique over all kinds
   * @param kind what it is, e.g. "segment"
   * @param owner whose it is; empty for state of no owner (API keys)
   * @param lookup values to find it by ({@link #findByLookup})
   * @param expires epoch milliseconds after which {@link #deleteExpired} removes it
   * @param json the API's JSON of it
   */
  public record Entry(
      String id,
      String kind,
      Optional<String> owner,
      List<String> lookup,
      OptionalLong expires,
      String json) {
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(owner, "owner");
      lookup = List.copyOf(lookup);
      Objects.requireNonNull(expires, "expires");
      Objects.requireNonNull(json, "json");
    }
  }

  /** A document as stored, with the version a conditional write names. */
  public record Stored(Entry entry, long seqNo, long primaryTerm) {}

  private final EsIndex index;

  ElasticsearchDocuments(EsIndex index) {
    this.index = index;
  }

  static String definition(ElasticsearchOptions options) {
    return IndexDefinition.of(
        1,
        options.replicas(),
        options.refreshInterval(),
        """
        {
          "id": {"type": "keyword"},
          "kind": {"type": "keyword"},
          "owner": {"type": "keyword"},
          "lookup": {"type": "keyword"},
          "expires": {"type": "long"},
          "doc": {"type": "object", "enabled": false}
        }
        """,
        false);
  }

  /** The document with this id, read in real time (sees every acknowledged write). */
  public Optional<Stored> get(String id) throws IOException {
    Optional<Doc> doc = index.get(key(id));
    return doc.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Stored(entry(doc.get().source()), doc.get().seqNo(), doc.get().primaryTerm()));
  }

  /** Every document of {@code kind}, in no particular order. */
  public List<Entry> find(String kind) throws IOException {
    return search(filter(kind, null, null));
  }

  /** The documents of {@code kind} of {@code owner}, in no particular order. */
  public List<Entry> findByOwner(String kind, String owner) throws IOException {
    return search(filter(kind, owner, null));
  }

  /** The documents of {@code kind} with {@code lookup} among their lookup values. */
  public List<Entry> findByLookup(String kind, String lookup) throws IOException {
    return search(filter(kind, null, lookup));
  }

  private List<Entry> search(Query query) throws IOException {
    List<Entry> found = new ArrayList<>();
    index.forEach(query, source -> found.add(entry(source)));
    return found;
  }

  /** Documents of {@code kind}, and of {@code owner} and with {@code lookup} unless null. */
  private static Query filter(String kind, String owner, String lookup) {
    return Query.of(
        q ->
            q.bool(
                b -> {
                  b.filter(f -> f.term(t -> t.field(KIND).value(FieldValue.of(kind))));
                  if (owner != null) {
                    b.filter(f -> f.term(t -> t.field(OWNER).value(FieldValue.of(owner))));
                  }
                  if (lookup != null) {
                    b.filter(f -> f.term(t -> t.field(LOOKUP).value(FieldValue.of(lookup))));
                  }
                  return b;
                }));
  }

  /** Adds or replaces the document. */
  public void put(Entry entry) throws IOException {
    putAll(List.of(entry));
  }

  /**
   * Adds or replaces every document, in as few requests as the size limits allow. Not all or
   * nothing: when one is refused the call fails and the others may be written; callers write
   * replacements that are correct on their own (e.g. a revoked link).
   */
  public void putAll(List<Entry> entries) throws IOException {
    List<Write> writes = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      writes.add(Write.index(key(entry.id()), source(entry)));
    }
    check(index.bulk(writes));
  }

  /** Replaces the document only if it is still as read; false when another writer came first. */
  public boolean replace(Stored expected, Entry next) throws IOException {
    if (!expected.entry().id().equals(next.id())) {
      throw new IllegalArgumentException("a replacement keeps the id " + expected.entry().id());
    }
    Outcome outcome =
        index
            .bulk(
                List.of(
                    Write.replace(
                        key(next.id()), source(next), expected.seqNo(), expected.primaryTerm())))
            .getFirst();
    if (outcome.conflict()) {
      return false;
    }
    check(List.of(outcome));
    return true;
  }

  /** Creates the document; false when one with its id exists. */
  public boolean create(Entry entry) throws IOException {
    Outcome outcome = index.bulk(List.of(Write.create(key(entry.id()), source(entry)))).getFirst();
    if (outcome.conflict()) {
      return false;
    }
    check(List.of(outcome));
    return true;
  }

  /**
   * Creates every document, all or none: when any is refused (an id that exists, a cluster error),
   * those created are deleted again and the call fails.
   */
  public void createAll(List<Entry> entries) throws IOException {
    List<Write> writes = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      writes.add(Write.create(key(entry.id()), source(entry)));
    }
    List<Outcome> outcomes = index.bulk(writes);
    List<Outcome> failed = outcomes.stream().filter(o -> !o.ok()).toList();
    if (failed.isEmpty()) {
      return;
    }
    List<Write> undo = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      if (outcome.ok()) {
        undo.add(Write.delete(outcome.write().key(), outcome.seqNo(), outcome.primaryTerm()));
      }
    }
    IOException error =
        new IOException(
            "Elasticsearch refused "
                + failed.size()
                + " of "
                + entries.size()
                + " documents in index "
                + index.name()
                + ", none kept; first "
                + failed.getFirst().describe());
    try {
      index.bulk(undo);
    } catch (IOException undoing) {
      error.addSuppressed(undoing);
    }
    throw error;
  }

  /** Deletes the document; false when there was none. */
  public boolean delete(String id) throws IOException {
    Outcome outcome =
        index
            .bulk(
                List.of(
                    new Write(
                        Write.Kind.DELETE,
                        key(id),
                        Optional.empty(),
                        OptionalLong.empty(),
                        OptionalLong.empty(),
                        Optional.empty())))
            .getFirst();
    if (outcome.status() == 404) {
      return false;
    }
    check(List.of(outcome));
    return true;
  }

  /** Deletes the documents of {@code kind} that expired before {@code epochMillis}; how many. */
  public int deleteExpired(String kind, long epochMillis) throws IOException {
    Query expired =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(f -> f.term(t -> t.field(KIND).value(FieldValue.of(kind))))
                            .filter(
                                f ->
                                    f.range(
                                        r ->
                                            r.number(
                                                n -> n.field(EXPIRES).lt((double) epochMillis))))));
    List<Write> deletes = new ArrayList<>();
    for (Entry entry : search(expired)) {
      deletes.add(
          new Write(
              Write.Kind.DELETE,
              key(entry.id()),
              Optional.empty(),
              OptionalLong.empty(),
              OptionalLong.empty(),
              Optional.empty()));
    }
    List<Outcome> outcomes = index.bulk(deletes);
    check(outcomes.stream().filter(o -> o.status() != 404).toList());
    return (int) outcomes.stream().filter(Outcome::ok).count();
  }

  private void check(List<Outcome> outcomes) throws IOException {
    for (Outcome outcome : outcomes) {
      if (!outcome.ok()) {
        throw new IOException(
            "Elasticsearch refused a write to index " + index.name() + ": " + outcome.describe());
      }
    }
  }

  private static Key key(String id) {
    return new Key(id, Optional.empty());
  }

  private static byte[] source(Entry entry) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put(ID, entry.id());
    node.put(KIND, entry.kind());
    entry.owner().ifPresent(owner -> node.put(OWNER, owner));
    ArrayNode lookup = node.putArray(LOOKUP);
    entry.lookup().forEach(lookup::add);
    entry.expires().ifPresent(expires -> node.put(EXPIRES, expires));
    node.set(DOC, Json.MAPPER.readTree(entry.json()));
    return Json.MAPPER.writeValueAsBytes(node);
  }

  private static Entry entry(byte[] source) {
    JsonNode node = Json.MAPPER.readTree(source);
    List<String> lookup = new ArrayList<>();
    node.path(LOOKUP).forEach(value -> lookup.add(value.asString()));
    return new Entry(
        node.get(ID).asString(),
        node.get(KIND).asString(),
        node.hasNonNull(OWNER) ? Optional.of(node.get(OWNER).asString()) : Optional.empty(),
        lookup,
        node.hasNonNull(EXPIRES)
            ? OptionalLong.of(node.get(EXPIRES).asLong())
            : OptionalLong.empty(),
        Json.MAPPER.writeValueAsString(node.get(DOC)));
  }
}
