package io.fanshelf.training;

/**
 * Where long steps report how far they are: the CLI draws a bar, tests pass {@link #NONE}.
 * Implementations must be thread-safe: parallel steps report from several threads.
 */
public interface Progress {
  Progress NONE = (stage, done, total) -> {};

  /** {@code done} of {@code total} units of {@code stage} are finished. */
  void update(String stage, long done, long total);
}
