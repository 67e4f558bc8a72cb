package io.fanshelf.api.auth;

import io.fanshelf.api.store.SharedDocuments;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.ObjectMapper;

/**
 * Owner tokens (API tokens and console sessions) as documents of the cluster's {@code <prefix>-api}
 * index, shared by every API node: a node accepts a token another issued, and a sign-out on one
 * node ends the session on all. The document id derives from the token's fingerprint (finding one
 * is a real-time get). Expired tokens find nothing and are deleted by the next issue after a
 * minute. {@link IOException}s of reads are thrown unchecked. Thread-safe.
 */
public final class ElasticsearchTokenStore implements TokenStore {
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final SharedDocuments<OwnerToken> documents;
  private final Clock clock;
  private volatile Instant swept = Instant.MIN;

  public ElasticsearchTokenStore(
      ElasticsearchDocuments documents, ObjectMapper mapper, Clock clock) {
    this.documents = new SharedDocuments<>(documents, mapper, "owner-token", OwnerToken.class);
    this.clock = clock;
  }

  @Override
  public Issued issue(OwnerId owner, OwnerToken.Kind kind, Duration ttl) throws IOException {
    String token =
        Tokens.random(
            kind == OwnerToken.Kind.API
                ? FileTokenStore.API_PREFIX
                : FileTokenStore.SESSION_PREFIX);
    Instant now = clock.instant();
    OwnerToken record =
        new OwnerToken(
            Tokens.fingerprint(token), owner, kind, Tokens.random(""), now, now.plus(ttl));
    documents
        .documents()
        .createAll(
            List.of(
                documents.entry(
                    documents.id(record.fingerprint()),
                    Optional.of(owner.value()),
                    List.of(),
                    OptionalLong.of(record.expiresAt().toEpochMilli()),
                    record)));
    if (swept.plus(SWEEP_EVERY).isBefore(now)) {
      swept = now;
      documents.documents().deleteExpired(documents.kind(), now.toEpochMilli());
    }
    return new Issued(record, token);
  }

  @Override
  public Optional<OwnerToken> find(String token) {
    if (token == null
        || !(token.startsWith(FileTokenStore.API_PREFIX)
            || token.startsWith(FileTokenStore.SESSION_PREFIX))) {
      return Optional.empty();
    }
    try {
      return documents
          .get(documents.id(Tokens.fingerprint(token)))
          .map(documents.stored())
          .filter(record -> record.expiresAt().isAfter(clock.instant()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void revoke(String token) throws IOException {
    documents.documents().delete(documents.id(Tokens.fingerprint(token)));
  }
}
