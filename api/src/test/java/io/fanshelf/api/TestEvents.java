package io.fanshelf.api;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/** Events as the statistics and funnel tests make them: no session, source or value. */
public final class TestEvents {
  private TestEvents() {}

  /** An event, attributed to {@code owner} unless it is null. */
  public static Event event(
      String id, FanId fan, ProductId product, EventType type, Instant at, OwnerId owner) {
    return new Event(
        EventId.of(id),
        fan,
        product,
        type,
        at,
        Optional.ofNullable(owner),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty());
  }
}
