package io.fanshelf.api.redis;

import io.fanshelf.api.owner.StatsFeed;
import io.fanshelf.indexer.aggregate.SnapshotRefusedException;
import io.fanshelf.indexer.model.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.ObjectMapper;

/**
 * The statistics feed on a Redis stream, {@code <prefix>stats}: one entry per stored batch's events
 * that the owner statistics or the funnel count, and a recount entry after an import, trimmed by
 * age like the event stream ({@code fanshelf.redis.stream-retention}); every node reads all of it
 * (no consumer group) on thread {@code fanshelf-stats-feed}. A node away longer than the retention
 * misses entries (an error says so when it reconnects); its next start catches up from the shared
 * snapshot or the store. The shared statistics snapshot is kept beside it by {@link RedisSnapshots}
 * ({@code <prefix>stats:snapshot}). Thread-safe.
 */
public final class RedisStatsFeed implements StatsFeed {
  static final String STREAM = RedisEventFeed.STATISTICS;

  private final RedisEventFeed feed;
  private final Clock clock;
  private final RedisSnapshots snapshots;
  private final String node;

  /**
   * @param node this node, named as the writer of the snapshots it stores
   */
  public RedisStatsFeed(
      RedisLink redis, ObjectMapper json, Duration retention, Clock clock, String node) {
    this.feed = RedisEventFeed.statistics(redis, json, retention, clock);
    this.clock = clock;
    this.snapshots = new RedisSnapshots(redis, STREAM);
    this.node = node;
  }

  @Override
  public int compare(String a, String b) {
    return RedisStreams.compare(a, b);
  }

  @Override
  public String position() {
    return feed.position()
        // Redis away: entries from now on (ids start with Redis' clock in milliseconds).
        .orElseGet(() -> clock.millis() + "-0");
  }

  @Override
  public boolean publish(List<Event> events) {
    return feed.publish(events);
  }

  @Override
  public boolean recount() {
    return feed.recount();
  }

  @Override
  public List<Entry> after(String from) throws SnapshotRefusedException {
    return feed
        .after(from)
        .orElseThrow(
            () -> new SnapshotRefusedException("Redis went away while the feed was replayed"))
        .stream()
        .map(RedisStatsFeed::entry)
        .toList();
  }

  private static Entry entry(RedisEventFeed.Entry entry) {
    return new Entry(entry.position(), entry.events(), entry.recount());
  }

  @Override
  public Optional<Snapshot> readSnapshot(Path into, String store, String feedEnd)
      throws IOException {
    return snapshots
        .read(into, store, feedEnd)
        .map(meta -> new Snapshot(meta.position(), meta.node(), meta.created(), meta.bytes()));
  }

  @Override
  public boolean snapshotTurn(Duration every) {
    return snapshots.turn(node, every);
  }

  @Override
  public boolean writeSnapshot(Path file, String position, String store) throws IOException {
    return snapshots.write(file, position, store, node);
  }

  @Override
  public void follow(String from, Consumer<Entry> each) {
    feed.follow(from, entry -> each.accept(entry(entry)));
  }

  @Override
  public void close() {
    feed.close();
  }
}
