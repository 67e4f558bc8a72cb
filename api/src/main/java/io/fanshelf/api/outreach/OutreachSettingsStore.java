package io.fanshelf.api.outreach;

import io.fanshelf.api.store.JsonFile;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import tools.jackson.databind.ObjectMapper;

/**
 * Every owner's {@link OutreachSettings} in {@code <data>/api/outreach.json}, held in memory; a
 * change is durable when it returns. Thread-safe.
 */
final class OutreachSettingsStore {
  private final JsonFile<List<OutreachSettings>> file;
  private volatile List<OutreachSettings> all;

  OutreachSettingsStore(Path dir, ObjectMapper mapper) throws IOException {
    this.file =
        new JsonFile<>(
            dir.resolve("outreach.json"),
            mapper,
            mapper.getTypeFactory().constructCollectionType(List.class, OutreachSettings.class),
            List::of);
    this.all = List.copyOf(file.read());
  }

  OutreachSettings get(OwnerId owner) {
    return all.stream()
        .filter(s -> s.owner().equals(owner))
        .findFirst()
        .orElseGet(() -> OutreachSettings.empty(owner));
  }

  /** Replaces the owner's settings with {@code change} applied to the current ones. */
  synchronized OutreachSettings update(OwnerId owner, UnaryOperator<OutreachSettings> change)
      throws IOException {
    OutreachSettings changed = change.apply(get(owner));
    List<OutreachSettings> next = new ArrayList<>();
    for (OutreachSettings settings : all) {
      if (!settings.owner().equals(owner)) {
        next.add(settings);
      }
    }
    next.add(changed);
    file.write(next);
    all = List.copyOf(next);
    return changed;
  }
}
