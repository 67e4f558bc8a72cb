package io.fanshelf.api.owner;

import io.fanshelf.api.store.SharedDocuments;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments.Entry;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments.Stored;
import io.fanshelf.recommender.rules.Curation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import tools.jackson.databind.ObjectMapper;

/**
 * Pins and blocks as documents of the cluster's {@code <prefix>-api} index, one per owner, shared
 * by every API node. A change reads the owner's document, edits it and writes it back only if no
 * other node changed it meanwhile (else it reads again), so two nodes pinning at once lose neither
 * pin. {@link #forOwner} is a real-time get per call. Thread-safe.
 */
public final class ElasticsearchCurationStore implements CurationStore {
  private final SharedDocuments<Curation> documents;

  public ElasticsearchCurationStore(ElasticsearchDocuments documents, ObjectMapper mapper) {
    this.documents = new SharedDocuments<>(documents, mapper, "curation", Curation.class);
  }

  @Override
  public Curation forOwner(OwnerId owner) {
    try {
      return documents
          .get(documents.id(owner.value()))
          .map(documents.stored())
          .orElse(Curation.none());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean pin(OwnerId owner, ProductId product) throws IOException {
    return change(owner, c -> FileCurationStore.pinned(c, product));
  }

  @Override
  public boolean unpin(OwnerId owner, ProductId product) throws IOException {
    return change(owner, c -> FileCurationStore.unpinned(c, product));
  }

  @Override
  public boolean block(OwnerId owner, ProductId product) throws IOException {
    return change(owner, c -> FileCurationStore.blocked(c, product));
  }

  @Override
  public boolean unblock(OwnerId owner, ProductId product) throws IOException {
    return change(owner, c -> FileCurationStore.unblocked(c, product));
  }

  private boolean change(OwnerId owner, UnaryOperator<Curation> edit) throws IOException {
    String id = documents.id(owner.value());
    while (true) {
      Optional<Stored> stored = documents.get(id);
      Curation before = stored.map(documents.stored()).orElse(Curation.none());
      Curation after = edit.apply(before);
      if (after.equals(before)) {
        return false;
      }
      Entry next =
          documents.entry(id, Optional.of(owner.value()), List.of(), OptionalLong.empty(), after);
      if (stored.isPresent()) {
        if (documents.documents().replace(stored.get(), next)) {
          return true;
        }
      } else if (documents.documents().create(next)) {
        return true;
      }
    }
  }
}
