package io.fanshelf.api.event;

import io.fanshelf.indexer.model.Event;
import java.util.List;

/**
 * Published after a batch is durable, with every event of it that was new (attributed or not): for
 * the owner statistics and the shelf funnel (which attributes purchases after a click itself), and
 * the stored history kept in Redis.
 */
public record EventsStored(List<Event> events) {
  public EventsStored {
    events = List.copyOf(events);
  }
}
