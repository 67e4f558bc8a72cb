package io.fanshelf.indexer.store.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.BinaryData;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.MetadataStore;
import io.fanshelf.indexer.store.elasticsearch.AllOrNothing.Change;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Doc;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Key;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Write;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.indexer.taxonomy.TaxonomyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Taxonomy versions and owners in one small index ({@code <prefix>-meta}): a document {@code
 * taxonomy-<version>} per version and {@code owner-<id>} per owner.
 *
 * <p>Every read goes to the cluster (a real-time get or a search), so an API node sees another
 * node's publish as soon as it returned; there is no cache to go stale. The methods of {@link
 * MetadataStore} that declare no IOException throw {@link UncheckedIOException} when the cluster
 * cannot be reached. Thread-safe; owner writes from this process are serialised.
 */
final class ElasticsearchMetadataStore implements MetadataStore {
  /** Keyword: "taxonomy" or "owner". */
  static final String TYPE = "type";

  /** Integer: a taxonomy's version, for "the current one" and the history order. */
  static final String VERSION = "version";

  /** Keyword: an owner's id, for paging through owners. */
  static final String KEY = "key";

  /** Object, not indexed: the taxonomy document or the owner as FanShelf's JSON. */
  static final String DOC = "doc";

  private static final String TAXONOMY = "taxonomy";
  private static final String OWNER = "owner";
  private static final int PAGE = 1_000;

  private final EsIndex index;
  private final ReentrantLock writeLock = new ReentrantLock();

  ElasticsearchMetadataStore(EsIndex index) {
    this.index = index;
  }

  static String definition(ElasticsearchOptions options) {
    return IndexDefinition.of(
        1,
        options.replicas(),
        options.refreshInterval(),
        """
        {
          "type": {"type": "keyword"},
          "version": {"type": "integer"},
          "key": {"type": "keyword"},
          "doc": {"type": "object", "enabled": false}
        }
        """,
        false);
  }

  // ---------------------------------------------------------------- taxonomy

  @Override
  public Taxonomy taxonomy() {
    try {
      List<Taxonomy> newest = taxonomies(SortOrder.Desc, 1);
      return newest.isEmpty() ? Taxonomy.empty() : newest.getFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<Taxonomy> taxonomyHistory() throws IOException {
    return taxonomies(SortOrder.Asc, 10_000);
  }

  private List<Taxonomy> taxonomies(SortOrder order, int size) throws IOException {
    List<Taxonomy> taxonomies = new ArrayList<>();
    for (Hit<BinaryData> hit :
        index
            .search(
                s ->
                    s.query(RuleQueries.term(TYPE, TAXONOMY))
                        .sort(SortOptions.of(o -> o.field(f -> f.field(VERSION).order(order))))
                        .size(size))
            .hits()
            .hits()) {
      JsonNode doc = Json.MAPPER.readTree(EsIndex.bytes(hit.source())).get(DOC);
      try {
        taxonomies.add(TaxonomyJson.read(doc));
      } catch (TaxonomyJson.InvalidTaxonomyException e) {
        throw new IOException(
            "stored taxonomy " + hit.id() + " in index " + index.name() + " is invalid", e);
      }
    }
    return taxonomies;
  }

  @Override
  public void publishTaxonomy(Taxonomy taxonomy) throws IOException {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put(TYPE, TAXONOMY);
    doc.put(VERSION, taxonomy.version());
    doc.set(DOC, TaxonomyJson.write(taxonomy));
    Key key = new Key(TAXONOMY + "-" + taxonomy.version(), Optional.empty());
    writeLock.lock();
    try {
      Optional<Doc> before = index.get(key);
      AllOrNothing.apply(
          index, List.of(new Change(Write.index(key, Json.MAPPER.writeValueAsBytes(doc)), before)));
    } finally {
      writeLock.unlock();
    }
  }

  // ---------------------------------------------------------------- owners

  private static Key ownerKey(OwnerId id) {
    return new Key(OWNER + "-" + id.value(), Optional.empty());
  }

  @Override
  public Optional<Owner> owner(OwnerId id) {
    try {
      return index.get(ownerKey(id)).map(doc -> Json.read(doc.source(), DOC, Owner.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<Owner> owners() {
    try {
      List<Owner> owners = new ArrayList<>();
      List<FieldValue> after = List.of();
      while (true) {
        List<FieldValue> from = after;
        List<Hit<BinaryData>> hits =
            index
                .search(
                    s -> {
                      s.query(RuleQueries.term(TYPE, OWNER))
                          .sort(SortOptions.of(o -> o.field(f -> f.field(KEY))))
                          .size(PAGE);
                      if (!from.isEmpty()) {
                        s.searchAfter(from);
                      }
                      return s;
                    })
                .hits()
                .hits();
        for (Hit<BinaryData> hit : hits) {
          owners.add(Json.read(EsIndex.bytes(hit.source()), DOC, Owner.class));
        }
        if (hits.size() < PAGE) {
          return owners;
        }
        after = hits.getLast().sort();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void upsertOwners(List<Owner> owners) throws IOException {
    Map<String, byte[]> sources = new LinkedHashMap<>();
    Map<String, Key> keys = new LinkedHashMap<>();
    for (Owner owner : owners) {
      ObjectNode doc = Json.MAPPER.createObjectNode();
      doc.put(TYPE, OWNER);
      doc.put(KEY, owner.id().value());
      doc.set(DOC, Json.MAPPER.valueToTree(owner));
      Key key = ownerKey(owner.id());
      keys.put(key.id(), key);
      sources.put(key.id(), Json.MAPPER.writeValueAsBytes(doc));
    }
    if (keys.isEmpty()) {
      return;
    }
    writeLock.lock();
    try {
      Map<String, Doc> before = index.getAll(List.copyOf(keys.values()));
      List<Change> changes = new ArrayList<>();
      keys.forEach(
          (id, key) ->
              changes.add(
                  new Change(
                      Write.index(key, sources.get(id)), Optional.ofNullable(before.get(id)))));
      AllOrNothing.apply(index, changes);
    } finally {
      writeLock.unlock();
    }
  }
}
