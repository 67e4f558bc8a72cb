package io.fanshelf.api.auth;

import io.fanshelf.api.store.SharedDocuments;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.ObjectMapper;

/**
 * Owner accounts as documents of the cluster's {@code <prefix>-api} index, one per owner, shared by
 * every API node. Reads go to the cluster (a real-time get), so a password changed on one node
 * holds on all at once; {@link IOException}s of reads are thrown unchecked. Thread-safe.
 */
public final class ElasticsearchAccountStore implements AccountStore {
  private final SharedDocuments<OwnerAccount> documents;

  public ElasticsearchAccountStore(ElasticsearchDocuments documents, ObjectMapper mapper) {
    this.documents = new SharedDocuments<>(documents, mapper, "account", OwnerAccount.class);
  }

  @Override
  public Optional<OwnerAccount> get(OwnerId owner) {
    try {
      return documents.get(documents.id(owner.value())).map(documents.stored());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<OwnerAccount> list() {
    try {
      return documents.all(Comparator.comparing(a -> a.owner().value()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void put(OwnerAccount account) throws IOException {
    documents
        .documents()
        .put(
            documents.entry(
                documents.id(account.owner().value()),
                Optional.of(account.owner().value()),
                List.of(),
                OptionalLong.empty(),
                account));
  }
}
