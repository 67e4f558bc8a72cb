package io.fanshelf.api.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An app's API key, as stored: the key itself is shown once at creation and kept only as its
 * SHA-256 fingerprint.
 *
 * @param id public id, for listing and revoking
 * @param name what the key is for
 * @param scopes what it may do
 * @param fingerprint SHA-256 of the key
 * @param createdAt when it was made
 * @param revokedAt when it was revoked; a revoked key authenticates nothing
 */
public record ApiKey(
    String id,
    String name,
    Set<Scope> scopes,
    String fingerprint,
    Instant createdAt,
    Optional<Instant> revokedAt) {
  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(createdAt, "createdAt");
    revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
  }

  public boolean active() {
    return revokedAt.isEmpty();
  }

  /** Whether the key may act with {@code scope}; admin may do everything. */
  public boolean allows(Scope scope) {
    return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
  }
}
