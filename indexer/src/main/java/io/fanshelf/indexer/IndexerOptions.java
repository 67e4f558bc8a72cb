package io.fanshelf.indexer;

import io.fanshelf.indexer.model.FeedbackPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to open a data directory.
 *
 * @param dataDir the FanShelf data directory (created if missing)
 * @param feedback which events count as positive, and how much
 * @param clock the time source for defaults such as a label's time
 */
public record IndexerOptions(Path dataDir, FeedbackPolicy feedback, Clock clock) {
  public IndexerOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(clock, "clock");
  }

  /** Defaults for a data directory: default feedback policy, system clock. */
  public static IndexerOptions of(Path dataDir) {
    return new IndexerOptions(dataDir, FeedbackPolicy.defaults(), Clock.systemUTC());
  }
}
