package io.fanshelf.training.dataset;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FeedbackPolicy;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * How events are divided into what a model may know and what it must predict. Three kinds: a global
 * time split ({@code time:0.8}), the last share of each fan's events ({@code last:0.2}), and a
 * given file of test events. Implementations are immutable.
 */
public interface Split {
  /**
   * Divides the events {@code among} accepts.
   *
   * @param targets which label-side events are relevant
   * @param allowRepeats whether products the fan interacted with before may be relevant
   */
  Partition partition(
      TrainingData data, Predicate<Event> among, FeedbackPolicy targets, boolean allowRepeats);

  /**
   * The split applied inside a training period to cut a validation window from it that looks like
   * this split's test side.
   */
  Split inner(TrainingData data);

  /** The spec as the command line writes it, e.g. {@code time:0.8}. */
  String spec();

  /**
   * Parses {@code time:F} (train on events before the F-quantile of event time) or {@code last:F}
   * (test on each fan's last F of events), F in (0, 1).
   */
  static Split parse(String spec) {
    String[] parts = spec.strip().split(":", 2);
    if (parts.length == 2) {
      double fraction;
      try {
        fraction = Double.parseDouble(parts[1]);
      } catch (NumberFormatException e) {
        fraction = Double.NaN;
      }
      if (!(fraction > 0 && fraction < 1)) {
        throw new IllegalArgumentException(
            "split fraction must be a number in (0, 1), got '" + parts[1] + "' in '" + spec + "'");
      }
      switch (parts[0].toLowerCase(Locale.ROOT)) {
        case "time":
          return new TimeSplit(fraction);
        case "last":
          return new LastSplit(fraction);
        default:
          break;
      }
    }
    throw new IllegalArgumentException(
        "expected a split like time:0.8 (global time split at the 80% quantile) or last:0.2 (each"
            + " fan's last 20% of events), got '"
            + spec
            + "'");
  }

  /** A split whose test side is a given list of events (e.g. read from a file). */
  static Split given(String name, List<Event> testEvents) {
    return new GivenSplit(name, testEvents);
  }
}
