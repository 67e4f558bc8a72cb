package io.fanshelf.training.eval;

import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import io.fanshelf.recommender.ranking.Ranker;
import io.fanshelf.training.dataset.FanCandidates;
import io.fanshelf.training.dataset.FanCase;
import io.fanshelf.training.dataset.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Scores every test fan's full-catalog ranking under each model and baseline. FanShelf's ranking of
 * the whole catalog is its candidates ordered by the ranker's score, then every other product in
 * popularity order; products the fan interacted with before are left out unless repeats are
 * allowed. Fans run in parallel; results are added in fan order, so they do not depend on the
 * thread count. Stateless apart from its inputs.
 */
public final class Evaluator {
  /** Ranks cut for metrics: NDCG/recall/precision@10, recall@20. */
  static final int DEPTH = 20;

  /**
   * A ranker over serving's candidates.
   *
   * @param name the report's model name, e.g. {@code fanshelf}
   * @param ranker scores candidates
   * @param hideLabels whether the fan's labels are hidden from candidates and features
   */
  public record CandidateModel(String name, Ranker ranker, boolean hideLabels) {}

  /** The evaluation's tables, by model name, and the first model's top-k list per fan. */
  public record Result(Map<String, MetricTable> tables, List<String> topLists) {}

  private record Scored(String model, int[] top, boolean[] hits, long firstRank) {}

  private Evaluator() {}

  public static Result run(
      Snapshot snapshot,
      List<FanCase> cases,
      Order popular,
      List<CandidateModel> models,
      List<ListModel> lists,
      boolean allowRepeats,
      int topK,
      LongConsumer progress) {
    CatalogSnapshot catalog = snapshot.signals().catalog();
    AtomicLong done = new AtomicLong();
    List<List<Scored>> perFan =
        IntStream.range(0, cases.size())
            .parallel()
            .mapToObj(
                i -> {
                  List<Scored> scored =
                      scoreFan(snapshot, cases.get(i), popular, models, lists, allowRepeats);
                  progress.accept(done.incrementAndGet());
                  return scored;
                })
            .toList();
    Map<String, MetricTable> tables = new LinkedHashMap<>();
    List<String> topLists = new ArrayList<>();
    for (int f = 0; f < cases.size(); f++) {
      FanCase fan = cases.get(f);
      List<Slice> slices = Slice.of(fan);
      for (Scored s : perFan.get(f)) {
        tables
            .computeIfAbsent(s.model(), m -> new MetricTable(catalog.size()))
            .add(slices, s.top(), s.hits(), fan.relevant().size(), s.firstRank());
      }
      if (!models.isEmpty() && topK > 0) {
        int[] top = perFan.get(f).getFirst().top();
        StringBuilder line = new StringBuilder(fan.fan().value()).append('\t');
        for (int i = 0; i < Math.min(topK, top.length); i++) {
          line.append(i == 0 ? "" : ",").append(catalog.product(top[i]).id().value());
        }
        topLists.add(line.toString());
      }
    }
    return new Result(tables, topLists);
  }

  private static List<Scored> scoreFan(
      Snapshot snapshot,
      FanCase fan,
      Order popular,
      List<CandidateModel> models,
      List<ListModel> lists,
      boolean allowRepeats) {
    CatalogSnapshot catalog = snapshot.signals().catalog();
    BitSet excluded = allowRepeats ? new BitSet() : ordinals(catalog, fan.seen());
    BitSet relevant = ordinals(catalog, fan.relevant());
    int[] relevantOrdinals = relevant.stream().toArray();
    List<Scored> scored = new ArrayList<>();
    FanCandidates withLabels = null;
    FanCandidates withoutLabels = null;
    for (CandidateModel model : models) {
      FanCandidates candidates;
      if (model.hideLabels()) {
        if (withoutLabels == null) {
          withoutLabels = FanCandidates.of(snapshot, fan, true, allowRepeats);
        }
        candidates = withoutLabels;
      } else {
        if (withLabels == null) {
          withLabels = FanCandidates.of(snapshot, fan, false, allowRepeats);
        }
        candidates = withLabels;
      }
      int[] head = rank(candidates, model.ranker());
      scored.add(
          score(
              model.name(),
              new FullRanking(head, popular, excluded),
              relevant,
              relevantOrdinals,
              DEPTH));
    }
    for (ListModel list : lists) {
      scored.add(
          score(
              list.name(),
              new FullRanking(list.head(fan), popular, excluded),
              relevant,
              relevantOrdinals,
              DEPTH));
    }
    return scored;
  }

  /** The candidates' ordinals by the ranker's score, best first; ties keep proposal order. */
  public static int[] rank(FanCandidates candidates, Ranker ranker) {
    int n = candidates.size();
    double[] scores = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      scores[i] = ranker.score(candidates.features()[i]);
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    int[] head = new int[n];
    for (int i = 0; i < n; i++) {
      head[i] = candidates.ordinals()[order[i]];
    }
    return head;
  }

  /** NDCG@10 of one fan's FanShelf ranking: candidates by the ranker, then popularity. */
  public static double ndcgAt10(
      Snapshot snapshot,
      FanCandidates candidates,
      Ranker ranker,
      Order popular,
      boolean allowRepeats) {
    CatalogSnapshot catalog = snapshot.signals().catalog();
    FanCase fan = candidates.fanCase();
    BitSet excluded = allowRepeats ? new BitSet() : ordinals(catalog, fan.seen());
    BitSet relevant = ordinals(catalog, fan.relevant());
    Scored s =
        score(
            "",
            new FullRanking(rank(candidates, ranker), popular, excluded),
            relevant,
            new int[0],
            10);
    return Metrics.ndcg(s.hits(), 10, fan.relevant().size());
  }

  private static Scored score(
      String model, FullRanking ranking, BitSet relevant, int[] relevantOrdinals, int depth) {
    int[] top = ranking.top(depth);
    boolean[] hits = new boolean[top.length];
    for (int i = 0; i < top.length; i++) {
      hits[i] = relevant.get(top[i]);
    }
    long first = relevantOrdinals.length == 0 ? 0 : ranking.firstRank(relevantOrdinals);
    return new Scored(model, top, hits, first);
  }

  static BitSet ordinals(CatalogSnapshot catalog, java.util.Set<ProductId> ids) {
    BitSet set = new BitSet();
    for (ProductId id : ids) {
      OptionalInt ordinal = catalog.ordinal(id);
      if (ordinal.isPresent()) {
        set.set(ordinal.getAsInt());
      }
    }
    return set;
  }
}
