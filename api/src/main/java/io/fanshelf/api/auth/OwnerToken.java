package io.fanshelf.api.auth;

import io.fanshelf.indexer.model.OwnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in owner's token, as stored (the token itself only as its SHA-256 fingerprint).
 *
 * @param fingerprint SHA-256 of the token
 * @param owner who it signs in
 * @param kind an API token (sent as a bearer token) or a console session (sent as a cookie)
 * @param csrf for a console session, the value its forms must send back
 * @param createdAt when it was issued
 * @param expiresAt when it stops working
 */
public record OwnerToken(
    String fingerprint,
    OwnerId owner,
    Kind kind,
    String csrf,
    Instant createdAt,
    Instant expiresAt) {
  /** How the token travels. */
  public enum Kind {
    API,
    CONSOLE
  }

  public OwnerToken {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(csrf, "csrf");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
