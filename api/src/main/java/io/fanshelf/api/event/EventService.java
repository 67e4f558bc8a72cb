package io.fanshelf.api.event;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.store.EventStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Stores events through {@link Indexer#appendEvents} (validated against the catalog and owners, all
 * or none, idempotent by id, durable on return) and tells the rest of the service about the new
 * attributed ones. Thread-safe: appends are serialised, as the indexer serialises them anyway.
 */
@Service
public class EventService {
  private final Indexer indexer;
  private final ApplicationEventPublisher publisher;
  private final Object lock = new Object();

  public EventService(Indexer indexer, ApplicationEventPublisher publisher) {
    this.indexer = indexer;
    this.publisher = publisher;
  }

  /**
   * Appends a batch.
   *
   * @throws ImportRejectedException when any event names an unknown product or owner, or reuses an
   *     id for a different event; nothing was stored then
   */
  public EventStore.AppendResult append(List<Event> events)
      throws ImportRejectedException, IOException {
    List<Event> attributed = new ArrayList<>();
    EventStore.AppendResult result;
    synchronized (lock) {
      Set<EventId> seen = new HashSet<>();
      for (Event event : events) {
        if (event.owner().isPresent()
            && seen.add(event.id())
            && !indexer.store().events().contains(event.id())) {
          attributed.add(event);
        }
      }
      result = indexer.appendEvents(events);
    }
    if (!attributed.isEmpty()) {
      publisher.publishEvent(new AttributedEventsStored(attributed));
    }
    return result;
  }
}
