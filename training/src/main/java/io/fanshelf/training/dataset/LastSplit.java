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
    // each fan's first held-out event: the fan's events from it on (in the log's order) are held
    Map<FanId, Event> firstHeld = new HashMap<>();
    Map<FanId, List<Event>> labels = new HashMap<>();
    Map<FanId, Instant> first = new HashMap<>();
    int held = 0;
    for (FanId fan : data.log().fans()) {
      List<Event> events = data.log().ofFan(fan).stream().filter(among).toList();
      if (events.size() < 2) {
        continue;
      }
      int test = Math.max(1, (int) Math.round(fraction * events.size()));
      List<Event> tail = new ArrayList<>(events.subList(events.size() - test, events.size()));
      held += tail.size();
      firstHeld.put(fan, tail.getFirst());
      labels.put(fan, tail);
      first.put(fan, tail.getFirst().time());
    }
    // a look-up among 10,000s of fans, not 100,000s of held event ids: the aggregates' rebuilds
    // test every event of the log
    Predicate<Event> known =
        e -> {
          if (!among.test(e)) {
            return false;
          }
          Event from = firstHeld.get(e.fan());
          return from == null || EventLog.ORDER.compare(e, from) < 0;
        };
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
        held);
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
