package io.fanshelf.indexer;

import io.fanshelf.indexer.aggregate.AggregateOptions;
import io.fanshelf.indexer.model.FeedbackPolicy;
import java.nio.file.Path;
import java.time.Clock;
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
 */
public record IndexerOptions(
    Path dataDir,
    FeedbackPolicy feedback,
    AggregateOptions aggregates,
    boolean liveAggregates,
    Clock clock) {
  public IndexerOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(aggregates, "aggregates");
    Objects.requireNonNull(clock, "clock");
  }

  /** Defaults for a data directory: default policies, aggregates on first use, system clock. */
  public static IndexerOptions of(Path dataDir) {
    return new IndexerOptions(
        dataDir, FeedbackPolicy.defaults(), AggregateOptions.defaults(), false, Clock.systemUTC());
  }

  /** The same, with aggregates built at open and kept current in the background (servers). */
  public IndexerOptions withLiveAggregates() {
    return new IndexerOptions(dataDir, feedback, aggregates, true, clock);
  }

  public IndexerOptions withClock(Clock other) {
    return new IndexerOptions(dataDir, feedback, aggregates, liveAggregates, other);
  }
}
