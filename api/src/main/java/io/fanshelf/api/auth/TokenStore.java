package io.fanshelf.api.auth;

import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Owners' sign-in tokens. Implementations are thread-safe and durable when a write returns; a
 * shared implementation (Redis) lets every API node accept a token issued by another.
 */
public interface TokenStore {
  /** A token just issued: the stored record and the token itself, never available again. */
  record Issued(OwnerToken record, String token) {}

  Issued issue(OwnerId owner, OwnerToken.Kind kind, Duration ttl) throws IOException;

  /** The live (unexpired) token with this value. */
  Optional<OwnerToken> find(String token);

  /** Ends a token; nothing happens when it does not exist. */
  void revoke(String token) throws IOException;
}
