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
 * A given split: the data directory's events are known, {@code testEvents} (e.g. a file) are the
 * labels; each fan is ranked at the time of their first test event. The validation window inside
 * the training period imitates the test events: when they all come after the known events, a time
 * split at the 80% quantile; when they interleave with them (each fan's later events, as in
 * leave-last-out files), each fan's last events, in the test events' share.
 */
record GivenSplit(String name, List<Event> testEvents) implements Split {
  GivenSplit {
    testEvents = List.copyOf(testEvents);
    if (testEvents.isEmpty()) {
      throw new IllegalArgumentException(name + " holds no test events");
    }
  }

  @Override
  public Partition partition(
      TrainingData data, Predicate<Event> among, FeedbackPolicy targets, boolean allowRepeats) {
    Map<FanId, List<Event>> labels = new HashMap<>();
    Map<FanId, Instant> first = new HashMap<>();
    Instant earliest = null;
    for (Event event : testEvents) {
      labels.computeIfAbsent(event.fan(), f -> new ArrayList<>()).add(event);
      first.merge(event.fan(), event.time(), (a, b) -> a.isBefore(b) ? a : b);
      earliest = earliest == null || event.time().isBefore(earliest) ? event.time() : earliest;
    }
    long knownEvents = data.log().events().stream().filter(among).count();
    return new Partition(
        among,
        earliest,
        Partition.cases(data, among, labels, first::get, targets, allowRepeats),
        spec(),
        knownEvents,
        testEvents.size());
  }

  @Override
  public Split inner(TrainingData data) {
    Instant firstTest = testEvents.stream().map(Event::time).min(Instant::compareTo).orElseThrow();
    List<Event> known = data.log().events();
    if (known.isEmpty() || !known.getLast().time().isAfter(firstTest)) {
      return new TimeSplit(0.8);
    }
    double share = (double) testEvents.size() / (testEvents.size() + known.size());
    return new LastSplit(Math.min(0.5, Math.max(0.05, share)));
  }

  @Override
  public String spec() {
    return "test-events:" + name;
  }
}
