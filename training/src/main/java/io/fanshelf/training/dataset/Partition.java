package io.fanshelf.training.dataset;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The two sides of a split: which events are known (train), the moment the aggregates are read, and
 * one {@link FanCase} per fan with something to predict. Immutable.
 *
 * @param known the events features may use
 * @param aggregatesAt when the snapshot's aggregates and popular lists are read
 * @param cases fans with at least one relevant product, by fan id
 * @param description how the split was made, e.g. "time:0.8 at 2017-10-21T17:57:13Z"
 * @param knownEvents how many events are known
 * @param labelEvents how many events are on the label side
 */
public record Partition(
    Predicate<Event> known,
    Instant aggregatesAt,
    List<FanCase> cases,
    String description,
    long knownEvents,
    long labelEvents) {

  public Partition {
    cases = List.copyOf(cases);
  }

  /**
   * This partition with at most {@code max} of its cases, evenly spaced in fan id order (every k-th
   * fan, k the smallest stride that keeps at most {@code max}); the known events stay all of them.
   */
  public Partition sampled(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, got " + max);
    }
    if (cases.size() <= max) {
      return this;
    }
    int every = (cases.size() + max - 1) / max;
    List<FanCase> kept = new ArrayList<>();
    for (int i = 0; i < cases.size(); i += every) {
      kept.add(cases.get(i));
    }
    return new Partition(
        known,
        aggregatesAt,
        kept,
        description + ", every " + every + "th fan",
        knownEvents,
        labelEvents);
  }

  /**
   * Builds the fan cases of a split.
   *
   * @param data the loaded data (owners and labels)
   * @param known the events before the split
   * @param labels each fan's events after the split
   * @param now each fan's moment
   * @param targets which label-side events count as relevant
   * @param allowRepeats keep products the fan interacted with before as relevant
   */
  static List<FanCase> cases(
      TrainingData data,
      Predicate<Event> known,
      Map<FanId, List<Event>> labels,
      Function<FanId, Instant> now,
      FeedbackPolicy targets,
      boolean allowRepeats) {
    List<FanCase> cases = new ArrayList<>();
    List<FanId> fans = new ArrayList<>(labels.keySet());
    fans.sort(Comparator.naturalOrder());
    for (FanId fan : fans) {
      Optional<OwnerId> owner = data.ownerOf(fan);
      if (owner.isEmpty()) {
        continue;
      }
      Instant at = now.apply(fan);
      Set<ProductId> seen = new HashSet<>();
      int trainingEvents = 0;
      for (Event event : data.log().ofFan(fan)) {
        if (known.test(event) && event.time().isBefore(at)) {
          if (event.type() != EventType.IMPRESSION) {
            seen.add(event.product());
          }
          if (targets.isPositive(event)) {
            trainingEvents++;
          }
        }
      }
      Set<ProductId> relevant = new HashSet<>();
      Set<ProductId> impressed = new HashSet<>();
      for (Event event : labels.get(fan)) {
        if (targets.isPositive(event)) {
          relevant.add(event.product());
        } else if (event.type() == EventType.IMPRESSION) {
          impressed.add(event.product());
        }
      }
      if (!allowRepeats) {
        relevant.removeAll(seen);
      }
      impressed.removeAll(relevant);
      if (relevant.isEmpty()) {
        continue;
      }
      boolean labelled =
          data.profile(owner.get(), fan)
              .map(p -> p.labels().values().stream().anyMatch(l -> l.time().isBefore(at)))
              .orElse(false);
      cases.add(
          new FanCase(
              fan, owner.get(), at, relevant, seen, impressed, trainingEvents, labelled, false));
    }
    return cases;
  }
}
