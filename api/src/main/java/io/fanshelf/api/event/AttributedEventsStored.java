package io.fanshelf.api.event;

import io.fanshelf.indexer.model.Event;
import java.util.List;

/**
 * Published after a batch is durable, with the events of it that were new and carry an owner (a
 * shelf impression or click, an app's attributed purchase), for the owners' statistics.
 */
public record AttributedEventsStored(List<Event> events) {
  public AttributedEventsStored {
    events = List.copyOf(events);
  }
}
