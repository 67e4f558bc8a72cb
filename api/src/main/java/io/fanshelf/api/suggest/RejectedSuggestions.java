package io.fanshelf.api.suggest;

import io.fanshelf.api.store.JsonFile;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;

/**
 * The suggestions each owner rejected, in {@code <data>/api/rejected-suggestions.json}, held in
 * memory: written before {@link #reject} returns, so a rejection survives a restart. Thread-safe.
 */
public final class RejectedSuggestions {
  private final JsonFile<Map<String, Set<String>>> file;
  private volatile Map<String, Set<String>> byOwner;

  public RejectedSuggestions(Path dir, ObjectMapper mapper) throws IOException {
    this.file =
        new JsonFile<>(
            dir.resolve("rejected-suggestions.json"),
            mapper,
            mapper
                .getTypeFactory()
                .constructMapType(
                    Map.class,
                    mapper.getTypeFactory().constructType(String.class),
                    mapper.getTypeFactory().constructCollectionType(Set.class, String.class)),
            Map::of);
    this.byOwner = Map.copyOf(file.read());
  }

  public boolean isRejected(OwnerId owner, SuggestionKey key) {
    return byOwner.getOrDefault(owner.value(), Set.of()).contains(key.encoded());
  }

  /** Remembers the keys; returns how many were not rejected before. */
  public synchronized int reject(OwnerId owner, Collection<SuggestionKey> keys) throws IOException {
    Set<String> rejected = new HashSet<>(byOwner.getOrDefault(owner.value(), Set.of()));
    int added = 0;
    for (SuggestionKey key : keys) {
      if (rejected.add(key.encoded())) {
        added++;
      }
    }
    if (added > 0) {
      Map<String, Set<String>> next = new HashMap<>(byOwner);
      next.put(owner.value(), Set.copyOf(rejected));
      file.write(next);
      byOwner = Map.copyOf(next);
    }
    return added;
  }
}
