package io.fanshelf.api.shelf;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Share links. Thread-safe; durable when a write returns. */
public interface ShareLinkStore {
  /**
   * The active link of each fan, made where the fan has none yet; all in one write.
   *
   * @param segment recorded on new links made for a segment
   */
  List<ShareLink> ensure(OwnerId owner, List<FanId> fans, Optional<String> segment)
      throws IOException;

  /** The active link with this token. */
  Optional<ShareLink> byToken(String token);

  /** The owner's links, newest last; revoked ones included. */
  List<ShareLink> list(OwnerId owner);

  /** Revokes the owner's active links that match; returns how many. */
  int revoke(OwnerId owner, Predicate<ShareLink> which) throws IOException;
}
