package io.fanshelf.api.event;

import io.fanshelf.indexer.model.Event;
import java.util.List;

/**
 * Published when a batch of events is accepted (stored, or queued to be stored), for what must
 * react at once, such as dropping the cached shelves of fans who just bought something.
 */
public record EventsAccepted(List<Event> events) {}
