package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.Ids;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * The raw ids of one kind (users or items) met so far, each with the FanShelf id it becomes ({@link
 * Ids#sanitize}). Two raw ids may never become the same id. Not thread-safe.
 */
final class RawIds {
  private final String kind;
  private final LinkedHashMap<String, String> rawById = new LinkedHashMap<>();

  RawIds(String kind) {
    this.kind = kind;
  }

  /**
   * The id of a raw id, remembering it.
   *
   * @throws IllegalArgumentException when another raw id already became the same id
   */
  String add(String raw) {
    String id = Ids.sanitize(raw);
    String earlier = rawById.putIfAbsent(id, raw);
    if (earlier != null && !earlier.equals(raw)) {
      throw new IllegalArgumentException(
          kind + " ids '" + earlier + "' and '" + raw + "' would both become '" + id + "'");
    }
    return id;
  }

  /** The id of a raw id met before; empty for one never met. */
  Optional<String> find(String raw) {
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String id = Ids.sanitize(raw);
    return raw.equals(rawById.get(id)) ? Optional.of(id) : Optional.empty();
  }

  /** Every id, in the order first met. */
  SequencedSet<String> ids() {
    return rawById.sequencedKeySet();
  }

  /** The raw id an id came from. */
  String raw(String id) {
    return rawById.get(id);
  }

  int size() {
    return rawById.size();
  }
}
