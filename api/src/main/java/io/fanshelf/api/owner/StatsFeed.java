package io.fanshelf.api.owner;

import io.fanshelf.indexer.model.Event;
import java.util.List;
import java.util.function.Consumer;

/**
 * Newly stored owner-attributed events, told to every API node, for statistics counted once with a
 * shared store: there each event is stored (and seen as new) by one node only, whichever consumer
 * took it, so no node could count everything from what it stores itself. Thread-safe.
 */
public interface StatsFeed extends AutoCloseable {
  /** Where the feed is now: {@link #follow} from here receives what is published from now on. */
  String position();

  /**
   * Tells every node (this one included) about events this node stored as new.
   *
   * @return false when the feed could not take them (Redis away)
   */
  boolean publish(List<Event> events);

  /** Hands every batch published after {@code from} to {@code each}, on a thread of its own. */
  void follow(String from, Consumer<List<Event>> each);

  @Override
  void close();
}
