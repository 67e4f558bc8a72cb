package io.fanshelf.api.shelf;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A share link to one fan's shelf. The URL carries only {@code token}: 256 random bits, no owner,
 * fan or other personal data.
 *
 * @param id public id, for listing, revoking and the page name in events
 * @param owner whose shelf
 * @param fan for whom
 * @param token the secret in the URL
 * @param segment the segment it was made for, if it was made for a segment
 * @param createdAt when it was made
 * @param revokedAt when it was revoked; a revoked link opens nothing
 */
public record ShareLink(
    String id,
    OwnerId owner,
    FanId fan,
    String token,
    Optional<String> segment,
    Instant createdAt,
    Optional<Instant> revokedAt) {
  public ShareLink {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(fan, "fan");
    Objects.requireNonNull(token, "token");
    segment = segment == null ? Optional.empty() : segment;
    Objects.requireNonNull(createdAt, "createdAt");
    revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
  }

  public boolean active() {
    return revokedAt.isEmpty();
  }

  /** The page name in events: {@code shelf:<id>}. */
  public String page() {
    return "shelf:" + id;
  }

  ShareLink revoked(Instant at) {
    return new ShareLink(id, owner, fan, token, segment, createdAt, Optional.of(at));
  }
}
