package io.fanshelf.api.auth;

import io.fanshelf.api.store.SharedDocuments;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments.Entry;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments.Stored;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;

/**
 * API keys as documents of the cluster's {@code <prefix>-api} index, shared by every API node: the
 * document id derives from the key's fingerprint, so authenticating is one real-time get, and a key
 * revoked on one node authenticates nothing on any node from then on. {@link IOException}s of reads
 * are thrown unchecked. Thread-safe.
 */
public final class ElasticsearchApiKeyStore implements ApiKeyStore {
  private static final Comparator<ApiKey> CREATED =
      Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id);

  private final SharedDocuments<ApiKey> documents;
  private final Clock clock;

  public ElasticsearchApiKeyStore(
      ElasticsearchDocuments documents, ObjectMapper mapper, Clock clock) {
    this.documents = new SharedDocuments<>(documents, mapper, "api-key", ApiKey.class);
    this.clock = clock;
  }

  private Entry entry(ApiKey key) {
    return documents.entry(
        documents.id(key.fingerprint()),
        Optional.empty(),
        List.of(key.id()),
        OptionalLong.empty(),
        key);
  }

  @Override
  public Created create(String name, Set<Scope> scopes) throws IOException {
    String secret = Tokens.random(FileApiKeyStore.PREFIX);
    ApiKey key =
        new ApiKey(
            Tokens.id("key_"),
            name,
            scopes,
            Tokens.fingerprint(secret),
            clock.instant(),
            Optional.empty());
    documents.documents().createAll(List.of(entry(key)));
    return new Created(key, secret);
  }

  @Override
  public Optional<ApiKey> authenticate(String secret) {
    if (secret == null || !secret.startsWith(FileApiKeyStore.PREFIX)) {
      return Optional.empty();
    }
    try {
      return documents
          .get(documents.id(Tokens.fingerprint(secret)))
          .map(documents.stored())
          .filter(ApiKey::active);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<ApiKey> list() {
    try {
      return documents.all(CREATED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean revoke(String id) throws IOException {
    for (Entry found : documents.withLookup(id)) {
      ApiKey key = documents.value(found);
      if (!key.id().equals(id)) {
        continue;
      }
      // Conditional, so two nodes revoking at once keep the first revocation time.
      while (true) {
        Optional<Stored> current = documents.get(found.id());
        if (current.isEmpty() || !documents.value(current.get().entry()).active()) {
          return false;
        }
        ApiKey now = documents.value(current.get().entry());
        ApiKey revoked =
            new ApiKey(
                now.id(),
                now.name(),
                now.scopes(),
                now.fingerprint(),
                now.createdAt(),
                Optional.of(clock.instant()));
        if (documents.documents().replace(current.get(), entry(revoked))) {
          return true;
        }
      }
    }
    return false;
  }
}
