package io.fanshelf.training.dataset;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.FeedbackPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Global time split: events before the {@code fraction}-quantile of event time are known; the rest
 * are labels, and every fan's shelf is ranked at the cutoff.
 *
 * @param fraction the share of events (by time) on the known side, in (0, 1)
 */
public record TimeSplit(double fraction) implements Split {
  public TimeSplit {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("time split fraction must be in (0, 1), got " + fraction);
    }
  }

  @Override
  public Partition partition(
      TrainingData data, Predicate<Event> among, FeedbackPolicy targets, boolean allowRepeats) {
    Instant cutoff = data.log().quantile(fraction, among);
    Predicate<Event> known = e -> among.test(e) && e.time().isBefore(cutoff);
    Map<FanId, List<Event>> labels = new HashMap<>();
    long knownEvents = 0;
    long labelEvents = 0;
    for (Event event : data.log().events()) {
      if (!among.test(event)) {
        continue;
      }
      if (event.time().isBefore(cutoff)) {
        knownEvents++;
      } else {
        labelEvents++;
        labels.computeIfAbsent(event.fan(), f -> new ArrayList<>()).add(event);
      }
    }
    return new Partition(
        known,
        cutoff,
        Partition.cases(data, known, labels, fan -> cutoff, targets, allowRepeats),
        spec() + " at " + cutoff,
        knownEvents,
        labelEvents);
  }

  @Override
  public Split inner(TrainingData data) {
    return this;
  }

  @Override
  public String spec() {
    return "time:" + fraction;
  }
}
