package io.fanshelf.training.dataset;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.FeedbackPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Leave-last-out per fan: each fan's last {@code fraction} of events (at least one, for fans with
 * two or more) are labels, ranked at the time of the fan's first label event. The aggregates are
 * built from every known event, so they include other fans' events after a given fan's moment: the
 * usual leak of this protocol, which the time split does not have.
 *
 * @param fraction the share of each fan's events held out, in (0, 1)
 */
public record LastSplit(double fraction) implements Split {
  public LastSplit {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("last split fraction must be in (0, 1), got " + fraction);
    }
  }

  @Override
  public Partition partition(
      TrainingData data, Predicate<Event> among, FeedbackPolicy targets, boolean allowRepeats) {
    Set<EventId> held = new HashSet<>();
    Map<FanId, List<Event>> labels = new HashMap<>();
    Map<FanId, Instant> first = new HashMap<>();
    for (FanId fan : data.log().fans()) {
      List<Event> events = data.log().ofFan(fan).stream().filter(among).toList();
      if (events.size() < 2) {
        continue;
      }
      int test = Math.max(1, (int) Math.round(fraction * events.size()));
      List<Event> tail = new ArrayList<>(events.subList(events.size() - test, events.size()));
      tail.forEach(e -> held.add(e.id()));
      labels.put(fan, tail);
      first.put(fan, tail.getFirst().time());
    }
    Predicate<Event> known = e -> among.test(e) && !held.contains(e.id());
    Instant latest = Instant.EPOCH;
    long knownEvents = 0;
    for (Event event : data.log().events()) {
      if (known.test(event)) {
        knownEvents++;
        latest = event.time();
      }
    }
    Instant at = latest.plusMillis(1);
    return new Partition(
        known,
        at,
        Partition.cases(data, known, labels, first::get, targets, allowRepeats),
        spec(),
        knownEvents,
        held.size());
  }

  @Override
  public Split inner(TrainingData data) {
    return this;
  }

  @Override
  public String spec() {
    return "last:" + fraction;
  }
}
