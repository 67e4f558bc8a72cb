package io.fanshelf.recommender.candidate;

import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.FanEvidence;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Signals;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** The most popular products of the categories the fan buys most (time-decayed affinity). */
public final class CategoryAffinitySource implements CandidateSource {
  public static final String NAME = "affinity";
  static final int TOP_CATEGORIES = 8;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void propose(
      RecommendRequest request, FanEvidence evidence, Candidates.Sink sink, int budget) {
    FanContext fan = evidence.fan();
    Signals signals = evidence.signals();
    if (fan.affinity().isEmpty()) {
      return;
    }
    List<Map.Entry<String, Double>> top =
        fan.affinity().get().categories().entrySet().stream()
            .filter(e -> signals.catalog().categoryOrdinal(e.getKey()).isPresent())
            .filter(e -> e.getKey().contains(">")) // leaf paths; top levels are too broad
            .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
            .limit(TOP_CATEGORIES)
            .toList();
    if (top.isEmpty()) {
      return;
    }
    double total = top.stream().mapToDouble(Map.Entry::getValue).sum();
    for (Map.Entry<String, Double> entry : top) {
      OptionalInt category = signals.catalog().categoryOrdinal(entry.getKey());
      double share = entry.getValue() / total;
      int take = Math.max(3, (int) Math.round(budget * share));
      int[] leaders = signals.leaders().leaders(category.getAsInt());
      for (int rank = 0; rank < Math.min(take, leaders.length); rank++) {
        sink.add(leaders[rank], (float) (share / (1 + 0.1 * rank)));
      }
    }
  }
}
