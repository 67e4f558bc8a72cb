package io.fanshelf.indexer.ingest;

import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Maps fan rows to memberships (docs/data-formats.md, "Fans"). */
final class FanRows {
  static final Set<String> FIELDS = Set.of("owner_id", "fan_id", "nickname", "joined_at", "groups");
  static final Set<String> REQUIRED = Set.of("owner_id", "fan_id");

  private FanRows() {}

  static Optional<Fan> map(Row row, Problems problems, Set<OwnerId> owners, Instant now) {
    FieldReader f = new FieldReader(row, problems);
    OwnerId owner = f.parseRequired("owner_id", OwnerId::new);
    if (owner != null && !owners.contains(owner)) {
      f.fail("owner_id", "unknown owner '" + owner + "'; import it in the owners file first");
    }
    FanId fan = f.parseRequired("fan_id", FanId::new);
    Optional<String> nickname = f.optional("nickname");
    Instant joined = f.parse("joined_at", FieldReader::time).orElse(now);
    Set<String> groups = new TreeSet<>();
    for (String group : f.list("groups")) {
      try {
        groups.add(Fan.group(group));
      } catch (IllegalArgumentException e) {
        f.fail("groups", e.getMessage());
      }
    }
    if (groups.size() > Fan.MAX_GROUPS) {
      f.fail("groups", "expected at most " + Fan.MAX_GROUPS + " groups, got " + groups.size());
    }
    return f.build(() -> new Fan(owner, fan, nickname, joined, groups));
  }
}
