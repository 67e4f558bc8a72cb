package io.fanshelf.training.dataset;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.ProductId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The cold-start protocol on top of another split: a seeded share of the test fans keep only their
 * first {@code keep} known events; the rest of their history is removed from everything (their
 * training history, the aggregates, the collaborative models), as if the shop had only just met
 * them. Their cases are marked {@link FanCase#cut()}, so the report can show how labels help
 * exactly those fans. Immutable.
 *
 * @param base the split whose test fans are cut
 * @param fraction the share of test fans cut, in (0, 1]
 * @param keep how many of each cut fan's first known events stay, 0 to 100
 * @param seed chooses the fans
 */
public record ColdStartSplit(Split base, double fraction, int keep, long seed) implements Split {
  public ColdStartSplit {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("cold fans fraction must be in (0, 1], got " + fraction);
    }
    if (keep < 0 || keep > 100) {
      throw new IllegalArgumentException("keep must be between 0 and 100 events, got " + keep);
    }
  }

  @Override
  public Partition partition(
      TrainingData data, Predicate<Event> among, FeedbackPolicy targets, boolean allowRepeats) {
    Partition base = this.base.partition(data, among, targets, allowRepeats);
    Set<EventId> removed = new HashSet<>();
    List<FanCase> cases = new ArrayList<>();
    long removedKnown = 0;
    for (FanCase fan : base.cases()) {
      SplittableRandom pick = new SplittableRandom(seed ^ fan.fan().value().hashCode());
      if (pick.nextDouble() >= fraction) {
        cases.add(fan);
        continue;
      }
      Set<ProductId> seen = new HashSet<>();
      int positives = 0;
      int kept = 0;
      for (Event event : data.log().ofFan(fan.fan())) {
        if (!base.known().test(event) || !event.time().isBefore(fan.now())) {
          continue;
        }
        if (kept < keep) {
          kept++;
          if (event.type() != EventType.IMPRESSION) {
            seen.add(event.product());
          }
          if (targets.isPositive(event)) {
            positives++;
          }
        } else {
          removed.add(event.id());
          removedKnown++;
        }
      }
      cases.add(
          new FanCase(
              fan.fan(),
              fan.owner(),
              fan.now(),
              fan.relevant(),
              seen,
              fan.impressed(),
              positives,
              fan.labelled(),
              true));
    }
    Predicate<Event> known = e -> base.known().test(e) && !removed.contains(e.id());
    return new Partition(
        known,
        base.aggregatesAt(),
        cases,
        base.description() + ", " + spec().substring(this.base.spec().length() + 1),
        base.knownEvents() - removedKnown,
        base.labelEvents());
  }

  @Override
  public Split inner(TrainingData data) {
    return base.inner(data);
  }

  @Override
  public String spec() {
    return base.spec() + " cold-fans:" + fraction + " keep:" + keep;
  }
}
