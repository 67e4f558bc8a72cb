package io.fanshelf.api.event;

import io.fanshelf.indexer.model.Event;
import java.util.List;

/**
 * Published after a batch is durable, with every event of it that was new (attributed or not), for
 * counts that attribute events themselves, such as the shelf funnel's purchases after a click.
 */
public record EventsStored(List<Event> events) {
  public EventsStored {
    events = List.copyOf(events);
  }
}
