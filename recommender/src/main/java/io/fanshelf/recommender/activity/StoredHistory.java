package io.fanshelf.recommender.activity;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.store.EventReader;
import java.io.IOException;
import java.util.List;

/**
 * Where a recommendation reads the fan's stored history: the store itself (the embedded default,
 * whose store is local), or a copy of the store's latest events per fan kept where every API node
 * reads it faster (Redis), which must answer exactly as {@link EventReader#recent} would. Events
 * accepted but not indexed yet are not part of it; {@link RecentActivity} adds those. Thread-safe.
 */
@FunctionalInterface
public interface StoredHistory {
  /** The fan's {@code limit} latest stored events as {@link EventReader#recent} orders them. */
  List<Event> recent(FanId fan, int limit) throws IOException;

  /** Reads {@code events} every time. */
  static StoredHistory of(EventReader events) {
    return events::recent;
  }
}
