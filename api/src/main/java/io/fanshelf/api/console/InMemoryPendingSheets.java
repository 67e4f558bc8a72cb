package io.fanshelf.api.console;

import io.fanshelf.api.auth.Tokens;
import io.fanshelf.api.system.Uploads;
import io.fanshelf.indexer.model.OwnerId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pending sheets of this node alone: the temporary files of the uploads, by id; expired ones are
 * deleted whenever another is kept. Thread-safe.
 */
public final class InMemoryPendingSheets implements PendingSheets {
  private record Pending(OwnerId owner, Uploads sheet, Instant at) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryPendingSheets(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String keep(OwnerId owner, Uploads sheet) {
    expire();
    String id = Tokens.id("");
    pending.put(id, new Pending(owner, sheet, clock.instant()));
    return id;
  }

  @Override
  public Optional<Uploads> take(OwnerId owner, String id) {
    Pending waiting = pending.get(id);
    if (waiting == null
        || !waiting.owner().equals(owner)
        || waiting.at().plus(KEEP).isBefore(clock.instant())
        || !pending.remove(id, waiting)) {
      return Optional.empty();
    }
    return Optional.of(waiting.sheet());
  }

  private void expire() {
    Instant cutoff = clock.instant().minus(KEEP);
    pending
        .entrySet()
        .removeIf(
            e -> {
              if (e.getValue().at().isBefore(cutoff)) {
                e.getValue().sheet().close();
                return true;
              }
              return false;
            });
  }

  @Override
  public void close() {
    pending.values().forEach(p -> p.sheet().close());
    pending.clear();
  }
}
