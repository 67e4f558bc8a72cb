package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.aggregate.LabelLift;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Signals;
import java.util.OptionalInt;

/**
 * Products of the categories that fans with the same label values buy more than everyone else
 * (learned label value x category lift), for labels with no match rule (an age band) as much as for
 * those with one.
 */
public final class LabelAffinitySource implements CandidateSource {
  public static final String NAME = "label-affinity";
  static final int CATEGORIES_PER_VALUE = 4;
  static final long MIN_EVENTS = 5;
  static final double MIN_LIFT = 1.1;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void propose(
      RecommendRequest request, FanEvidence evidence, Candidates.Sink sink, int budget) {
    FanContext fan = evidence.fan();
    Signals signals = evidence.signals();
    int perCategory = Math.max(5, budget / Math.max(1, fan.labels().size() * CATEGORIES_PER_VALUE));
    for (Label label : fan.labels()) {
      for (String value : label.values()) {
        for (LabelLift lift :
            signals
                .aggregates()
                .topLifts(label.dimension(), value, CATEGORIES_PER_VALUE, MIN_EVENTS)) {
          if (lift.lift() < MIN_LIFT) {
            continue;
          }
          OptionalInt category = signals.catalog().categoryOrdinal(lift.categoryKey());
          if (category.isEmpty()) {
            continue;
          }
          int[] leaders = signals.leaders().leaders(category.getAsInt());
          for (int rank = 0; rank < Math.min(perCategory, leaders.length); rank++) {
            float score = (float) (Math.log(lift.lift()) * label.confidence() / (1 + 0.1 * rank));
            sink.add(leaders[rank], score);
          }
        }
      }
    }
  }
}
