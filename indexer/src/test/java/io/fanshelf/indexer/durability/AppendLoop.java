package io.fanshelf.indexer.durability;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link KillDashNineIT}: appends batches of events and labels forever,
 * printing "ACK events n" / "ACK labels n" after each write returned (was acknowledged). The parent
 * kills it with SIGKILL at an arbitrary moment.
 */
public final class AppendLoop {
  static final int BATCH = 250;

  private AppendLoop() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    try (LuceneBackend store = LuceneBackend.open(data)) {
      Instant start = Instant.parse("2026-01-01T00:00:00Z");
      for (int batch = 0; ; batch++) {
        List<Event> events = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
          int n = batch * BATCH + i;
          events.add(
              Event.of(
                  "e" + n, "fan" + (n % 97), "p" + (n % 13), EventType.VIEW, start.plusSeconds(n)));
        }
        store.events().append(events, e -> {});
        System.out.println("ACK events " + (batch + 1) * BATCH);
        System.out.flush();
      }
    }
  }
}
