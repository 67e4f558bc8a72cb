package io.fanshelf.api.auth;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The API keys. Implementations are thread-safe and durable when a write returns. */
public interface ApiKeyStore {

  /**
   * A key just made: the record and the key itself, which is never available again.
   *
   * @param key the stored record
   * @param secret the key to hand to the app
   */
  record Created(ApiKey key, String secret) {}

  Created create(String name, Set<Scope> scopes) throws IOException;

  /** The active key with this secret. */
  Optional<ApiKey> authenticate(String secret);

  List<ApiKey> list();

  /** Revokes a key; false when no such active key exists. */
  boolean revoke(String id) throws IOException;
}
