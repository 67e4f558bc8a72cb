package io.fanshelf.indexer.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A fan as one owner knows them: the membership of a fan in an owner's fan list.
 *
 * @param owner the owner whose fan this is
 * @param id the platform-wide fan id
 * @param nickname the owner's remark name for the fan (private to the owner)
 * @param joinedAt when the fan joined the owner
 */
public record Fan(OwnerId owner, FanId id, Optional<String> nickname, Instant joinedAt) {
  public Fan {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(id, "id");
    nickname =
        Objects.requireNonNull(nickname, "nickname").map(n -> Text.require("nickname", n, 100));
    Objects.requireNonNull(joinedAt, "joinedAt");
  }
}
