package io.fanshelf.indexer;

import io.fanshelf.indexer.model.Event;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Where a node that shares its store with other nodes sends what its aggregates would count, so
 * that every node (itself included) counts it from one ordered feed instead of each from what it
 * stored itself: with a shared store each event is stored, and found new, by one node only. The
 * indexer of a node opened with a feed ({@link Indexer#openShared}) counts nothing it stores; it
 * publishes, and the feed hands what it delivers to {@link Indexer#countFedEvents} and {@link
 * Indexer#recountAggregates}. Implementations are thread-safe.
 */
public interface AggregatesFeed extends Closeable {
  /**
   * Called once by {@link Indexer#openShared} when the stores are open and nothing is counted yet:
   * makes the aggregates serve (a shared snapshot through {@link Indexer#loadAggregatesSnapshot}
   * and the feed after it, else {@link Indexer#rebuildAggregates}), then follows the feed.
   */
  void start(Indexer indexer) throws IOException;

  /**
   * Tells every node about events this node stored as new (the indexer passes the positive ones
   * only: nothing else changes the aggregates). Called under the indexer's write lock, in commit
   * order.
   *
   * @return false when the feed could not take them: the indexer then counts them on this node
   *     alone
   */
  boolean publish(List<Event> stored);

  /**
   * Tells every other node that the stores changed wholesale (an import) and their aggregates must
   * be counted again from the store; called after the import committed.
   *
   * @return false when the feed could not take it
   */
  boolean recount();

  /** Stops following the feed; {@link Indexer#close} calls it first. */
  @Override
  void close();
}
