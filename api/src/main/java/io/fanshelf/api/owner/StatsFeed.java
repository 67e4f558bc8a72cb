package io.fanshelf.api.owner;

import io.fanshelf.indexer.aggregate.SnapshotRefusedException;
import io.fanshelf.indexer.model.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Newly stored events the owner statistics or the funnel count ({@link
 * io.fanshelf.api.funnel.FunnelLedger#mayCount}: those carrying an owner, and carts and purchases
 * carrying none, which the funnel gives to the owner of the fan's last click), told to every API
 * node, for statistics and a funnel counted once with a shared store: there each event is stored
 * (and seen as new) by one node only, whichever consumer took it, so no node could count everything
 * from what it stores itself, nor attribute a purchase stored on one node to a click stored on
 * another. Every node counts the entries in the feed's order, so all funnels agree. Beside the
 * feed, the newest shared snapshot of the statistics with the feed position it includes, so that a
 * starting node counts only the feed after it instead of the whole store. Thread-safe.
 */
public interface StatsFeed extends AutoCloseable {
  /**
   * One entry of the feed: events to count, or a recount (an import on another node).
   *
   * @param position the entry's id, a feed position
   */
  record Entry(String position, List<Event> events, boolean recount) {}

  /**
   * What the shared snapshot's description says.
   *
   * @param position the feed position it includes: every entry up to it, none after
   * @param node the node that wrote it
   */
  record Snapshot(String position, String node, Instant created, long bytes) {}

  /**
   * Orders two positions of this feed: negative, zero or positive as {@code a} is before, at or
   * after {@code b}.
   */
  int compare(String a, String b);

  /** Where the feed is now: {@link #follow} from here receives what is published from now on. */
  String position();

  /**
   * Tells every node (this one included) about events this node stored as new.
   *
   * @return false when the feed could not take them (Redis away)
   */
  boolean publish(List<Event> events);

  /**
   * Tells every other node to count the store again (after an import on this node).
   *
   * @return false when the feed could not take it (Redis away)
   */
  boolean recount();

  /**
   * Up to a few hundred entries after {@code from}, without waiting; none at the feed's end.
   *
   * @throws SnapshotRefusedException when the feed is unreachable
   */
  List<Entry> after(String from) throws SnapshotRefusedException;

  /** Hands every entry after {@code from} to {@code each}, in order, on a thread of its own. */
  void follow(String from, Consumer<Entry> each);

  /**
   * Copies the newest shared snapshot into {@code into}; empty when there is none.
   *
   * @param store this node's store ({@code StoreBackend.describe()})
   * @param feedEnd the feed's position, noted before
   * @throws SnapshotRefusedException when it is unreadable, of another store, past the feed's end,
   *     or older than what the feed still holds
   */
  Optional<Snapshot> readSnapshot(Path into, String store, String feedEnd) throws IOException;

  /** Takes the writer's turn for {@code every}: true for one node per period. */
  boolean snapshotTurn(Duration every);

  /** Stores {@code file} as the newest shared snapshot; false when the feed could not take it. */
  boolean writeSnapshot(Path file, String position, String store) throws IOException;

  @Override
  void close();
}
