package io.fanshelf.indexer.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fan as one owner knows them: the membership of a fan in an owner's fan list.
 *
 * @param owner the owner whose fan this is
 * @param id the platform-wide fan id
 * @param nickname the owner's remark name for the fan (private to the owner)
 * @param joinedAt when the fan joined the owner
 * @param groups the owner's chat groups the fan is in (private to the owner), sorted
 */
public record Fan(
    OwnerId owner, FanId id, Optional<String> nickname, Instant joinedAt, Set<String> groups) {
  /** At most this many groups per fan: a fan in more is a data error, not a fan. */
  public static final int MAX_GROUPS = 50;

  /** A group's name is at most this long (WeChat names a group in at most 30 characters). */
  public static final int MAX_GROUP_LENGTH = 60;

  public Fan {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(id, "id");
    nickname =
        Objects.requireNonNull(nickname, "nickname").map(n -> Text.require("nickname", n, 100));
    Objects.requireNonNull(joinedAt, "joinedAt");
    // Profiles stored before fans had groups read back without the field.
    TreeSet<String> checked = new TreeSet<>();
    for (String group : groups == null ? Set.<String>of() : groups) {
      checked.add(group(group));
    }
    if (checked.size() > MAX_GROUPS) {
      throw new IllegalArgumentException(
          "groups: expected at most " + MAX_GROUPS + " groups, got " + checked.size());
    }
    groups = Collections.unmodifiableSortedSet(checked);
  }

  /** A fan in none of the owner's groups. */
  public Fan(OwnerId owner, FanId id, Optional<String> nickname, Instant joinedAt) {
    this(owner, id, nickname, joinedAt, Set.of());
  }

  /**
   * A group name, trimmed; rejects an empty or too long one, or one with ';' (the CSV separator).
   */
  public static String group(String name) {
    String trimmed = Text.require("group", name, MAX_GROUP_LENGTH);
    if (trimmed.contains(";")) {
      throw new IllegalArgumentException("group must not contain ';', got '" + trimmed + "'");
    }
    return trimmed;
  }
}
