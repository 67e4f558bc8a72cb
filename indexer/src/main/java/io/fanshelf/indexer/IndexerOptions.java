package io.fanshelf.indexer;

import io.fanshelf.indexer.aggregate.AggregateOptions;
import io.fanshelf.indexer.model.FeedbackPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open a data directory.
 *
 * @param dataDir the FanShelf data directory (created if missing)
 * @param feedback which events count as positive, and how much
 * @param aggregates decay, window and size settings of the event aggregates
 * @param liveAggregates build the aggregates when the directory opens and again in the background
 *     after each import, as a server wants; a command-line import leaves them alone (they live in
 *     memory only) and they are built on first use
 * @param clock the time source for defaults such as a label's time
 * @param snapshotInterval with live aggregates on a store that numbers its events (Lucene): how
 *     often the aggregates are written to {@code <dataDir>/aggregates} in the background, so that a
 *     start loads them and replays only the events after them; zero for no scheduled snapshots
 *     (they are still written after an import's recount and when the indexer closes)
 */
public record IndexerOptions(
    Path dataDir,
    FeedbackPolicy feedback,
    AggregateOptions aggregates,
    boolean liveAggregates,
    Clock clock,
    Duration snapshotInterval) {
  /** How often a server writes an aggregates snapshot by default. */
  public static final Duration DEFAULT_SNAPSHOT_INTERVAL = Duration.ofMinutes(10);

  public IndexerOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(aggregates, "aggregates");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(snapshotInterval, "snapshotInterval");
    if (snapshotInterval.isNegative()) {
      throw new IllegalArgumentException(
          "snapshotInterval must be zero or positive, got " + snapshotInterval);
    }
  }

  /** Defaults for a data directory: default policies, aggregates on first use, system clock. */
  public static IndexerOptions of(Path dataDir) {
    return new IndexerOptions(
        dataDir,
        FeedbackPolicy.defaults(),
        AggregateOptions.defaults(),
        false,
        Clock.systemUTC(),
        DEFAULT_SNAPSHOT_INTERVAL);
  }

  /** The same, with aggregates built at open and kept current in the background (servers). */
  public IndexerOptions withLiveAggregates() {
    return new IndexerOptions(dataDir, feedback, aggregates, true, clock, snapshotInterval);
  }

  public IndexerOptions withClock(Clock other) {
    return new IndexerOptions(
        dataDir, feedback, aggregates, liveAggregates, other, snapshotInterval);
  }

  public IndexerOptions withSnapshotInterval(Duration interval) {
    return new IndexerOptions(dataDir, feedback, aggregates, liveAggregates, clock, interval);
  }
}
