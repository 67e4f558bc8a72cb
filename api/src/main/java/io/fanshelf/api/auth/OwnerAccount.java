package io.fanshelf.api.auth;

import io.fanshelf.indexer.model.OwnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * An owner's console account.
 *
 * @param owner the owner it signs in as
 * @param passwordHash the BCrypt hash of the password; the password itself is never stored
 * @param createdAt when the account was made
 */
public record OwnerAccount(OwnerId owner, String passwordHash, Instant createdAt) {
  public OwnerAccount {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
