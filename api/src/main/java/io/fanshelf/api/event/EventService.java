package io.fanshelf.api.event;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.recommender.activity.RecentActivity;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Accepts events from apps and shelves. Embedded: stored through {@link Indexer#appendEvents}
 * (validated against the catalog and owners, all or none, idempotent by id, durable on return).
 * With an {@link EventQueue} (several nodes sharing Redis): validated the same way, then queued
 * durably and stored by the indexer's consumer; while the queue cannot take them (Redis away, or
 * its backlog over the bound) they are refused with 503, never stored on this node alone, as the
 * other nodes' stores would miss them. Either way the fans' {@link RecentActivity} is updated at
 * once, {@link EventsAccepted} is published, and {@link EventsStored} (the new ones) follows once
 * they are stored. Thread-safe; concurrent batches share the indexer's writes.
 */
@Service
public class EventService {
  private final Indexer indexer;
  private final RecentActivity recentActivity;
  private final Optional<EventQueue> queue;
  private final ApplicationEventPublisher publisher;
  private final StoringGate gate;

  public EventService(
      Indexer indexer,
      RecentActivity recentActivity,
      Optional<EventQueue> queue,
      ApplicationEventPublisher publisher,
      StoringGate gate) {
    this.indexer = indexer;
    this.recentActivity = recentActivity;
    this.queue = queue;
    this.publisher = publisher;
    this.gate = gate;
  }

  /**
   * What became of an accepted batch.
   *
   * @param added events stored now
   * @param duplicates events already stored (or repeated in the batch), skipped
   * @param queued events queued durably, to be stored shortly (duplicates skipped then)
   */
  public record Accepted(long added, long duplicates, long queued) {}

  /**
   * Accepts a batch.
   *
   * @throws ImportRejectedException when any event names an unknown product or owner, or reuses an
   *     id for a different event; nothing was stored or queued then
   * @throws io.fanshelf.api.system.ApiException 503 when the queue cannot take the batch now
   */
  public Accepted append(List<Event> events) throws ImportRejectedException, IOException {
    Accepted accepted;
    if (queue.isPresent()) {
      indexer.validateEvents(events);
      queue.get().offer(events);
      accepted = new Accepted(0, 0, events.size());
    } else {
      accepted = stored(store(events));
    }
    recentActivity.record(events);
    publisher.publishEvent(new EventsAccepted(events));
    return accepted;
  }

  /**
   * Stores a batch directly (the embedded path, and the queue's consumer).
   *
   * @throws ImportRejectedException as {@link #append}
   */
  public Indexer.Appended store(List<Event> events) throws ImportRejectedException, IOException {
    return gate.storing(() -> storeAndCount(events));
  }

  private Indexer.Appended storeAndCount(List<Event> events)
      throws ImportRejectedException, IOException {
    Indexer.Appended result = indexer.appendEvents(events);
    if (!result.stored().isEmpty()) {
      publisher.publishEvent(new EventsStored(result.stored()));
    }
    return result;
  }

  private static Accepted stored(Indexer.Appended result) {
    return new Accepted(result.added(), result.duplicates(), 0);
  }
}
