package io.fanshelf.training.eval;

import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import io.fanshelf.recommender.collaborative.Collaborative;
import io.fanshelf.recommender.ranking.Ranker;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.training.dataset.FanCandidates;
import io.fanshelf.training.dataset.FanCase;
import io.fanshelf.training.dataset.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Scores every test fan's full-catalog ranking under each ranking and list model. A ranking's list
 * of the whole catalog is its candidates (from serving's sources and its own collaborative models)
 * ordered by its ranker, then every other product in popularity order; a list model's is its own
 * head, then popularity. Products the fan interacted with before are left out unless repeats are
 * allowed. Fans run in parallel; results are added in fan order, so they do not depend on the
 * thread count. Stateless apart from its inputs.
 */
public final class Evaluator {
  /** Ranks cut for metrics: NDCG/recall/precision@10, recall@20. */
  static final int DEPTH = 20;

  /**
   * The depth of the pair recall every model is given at ({@link Result#recallAtCandidateDepth}):
   * about as many products as FanShelf's sources propose, so that a ranking's candidate recall can
   * be read against what each baseline's own top of that size reaches.
   */
  public static final int CANDIDATE_DEPTH = 500;

  /**
   * A ranking over serving's candidates.
   *
   * @param name the report's model name, e.g. {@code fanshelf}
   * @param model the ranking (its collaborative models propose and describe candidates)
   * @param hideLabels whether the fan's labels are hidden from candidates and features
   */
  public record CandidateModel(String name, RankingModel model, boolean hideLabels) {}

  /**
   * The evaluation's tables by model name; each model's top-k list per fan ({@code
   * fan<TAB>item1,item2,...}); and each ranking's candidate recall (the share of relevant (fan,
   * product) pairs its candidates reached); every model's share of those pairs in its top {@link
   * #CANDIDATE_DEPTH}; and each ranking's mean number of candidates per fan.
   */
  public record Result(
      Map<String, MetricTable> tables,
      Map<String, List<String>> topLists,
      Map<String, Double> candidateRecall,
      Map<String, Double> recallAtCandidateDepth,
      Map<String, Double> candidatesPerFan) {}

  /**
   * @param reached relevant products among the candidates, -1 for a list model
   * @param inDepth relevant products in the top {@link #CANDIDATE_DEPTH}
   * @param candidates the ranking's candidates, -1 for a list model
   */
  private record Scored(
      String model,
      int[] top,
      boolean[] hits,
      long firstRank,
      int reached,
      int inDepth,
      int candidates) {}

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
    Map<Collaborative, Snapshot> bound = new IdentityHashMap<>();
    for (CandidateModel model : models) {
      bound.computeIfAbsent(
          model.model().collaborative(),
          collaborative -> snapshot.withCollaborative(collaborative));
    }
    AtomicLong done = new AtomicLong();
    List<List<Scored>> perFan =
        IntStream.range(0, cases.size())
            .parallel()
            .mapToObj(
                i -> {
                  List<Scored> scored =
                      scoreFan(catalog, bound, cases.get(i), popular, models, lists, allowRepeats);
                  progress.accept(done.incrementAndGet());
                  return scored;
                })
            .toList();
    Map<String, MetricTable> tables = new LinkedHashMap<>();
    Map<String, List<String>> topLists = new LinkedHashMap<>();
    Map<String, long[]> reached = new LinkedHashMap<>();
    Map<String, long[]> inDepth = new LinkedHashMap<>();
    for (int f = 0; f < cases.size(); f++) {
      FanCase fan = cases.get(f);
      List<Slice> slices = Slice.of(fan);
      for (Scored s : perFan.get(f)) {
        tables
            .computeIfAbsent(s.model(), m -> new MetricTable(catalog.size()))
            .add(slices, s.top(), s.hits(), fan.relevant().size(), s.firstRank());
        if (s.reached() >= 0) {
          long[] counts = reached.computeIfAbsent(s.model(), m -> new long[3]);
          counts[0] += s.reached();
          counts[1] += fan.relevant().size();
          counts[2] += s.candidates();
        }
        long[] depthCounts = inDepth.computeIfAbsent(s.model(), m -> new long[2]);
        depthCounts[0] += s.inDepth();
        depthCounts[1] += fan.relevant().size();
        if (topK > 0) {
          StringBuilder line = new StringBuilder(fan.fan().value()).append('\t');
          for (int i = 0; i < Math.min(topK, s.top().length); i++) {
            line.append(i == 0 ? "" : ",").append(catalog.product(s.top()[i]).id().value());
          }
          topLists.computeIfAbsent(s.model(), m -> new ArrayList<>()).add(line.toString());
        }
      }
    }
    Map<String, Double> recall = new LinkedHashMap<>();
    Map<String, Double> candidatesPerFan = new LinkedHashMap<>();
    reached.forEach(
        (model, c) -> {
          recall.put(model, share(c[0], c[1]));
          candidatesPerFan.put(model, cases.isEmpty() ? 0 : (double) c[2] / cases.size());
        });
    Map<String, Double> recallAtDepth = new LinkedHashMap<>();
    inDepth.forEach((model, c) -> recallAtDepth.put(model, share(c[0], c[1])));
    return new Result(tables, topLists, recall, recallAtDepth, candidatesPerFan);
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  private static List<Scored> scoreFan(
      CatalogSnapshot catalog,
      Map<Collaborative, Snapshot> bound,
      FanCase fan,
      Order popular,
      List<CandidateModel> models,
      List<ListModel> lists,
      boolean allowRepeats) {
    BitSet excluded = allowRepeats ? new BitSet() : ordinals(catalog, fan.seen());
    BitSet relevant = ordinals(catalog, fan.relevant());
    int[] relevantOrdinals = relevant.stream().toArray();
    List<Scored> scored = new ArrayList<>();
    // one candidate list per (models, labels shown or hidden), shared by the rankings using it
    Map<Collaborative, Map<Boolean, FanCandidates>> candidates = new IdentityHashMap<>();
    for (CandidateModel model : models) {
      boolean hide = model.hideLabels() || !model.model().usesLabels();
      FanCandidates fanCandidates =
          candidates
              .computeIfAbsent(model.model().collaborative(), c -> new HashMap<>())
              .computeIfAbsent(
                  hide,
                  h ->
                      FanCandidates.of(
                          bound.get(model.model().collaborative()), fan, h, allowRepeats));
      int[] head = rank(fanCandidates, model.model().ranker());
      int reached = 0;
      for (int ordinal : fanCandidates.ordinals()) {
        if (relevant.get(ordinal)) {
          reached++;
        }
      }
      scored.add(
          score(
              model.name(),
              new FullRanking(head, popular, excluded),
              relevant,
              relevantOrdinals,
              reached,
              fanCandidates.size()));
    }
    for (ListModel list : lists) {
      scored.add(
          score(
              list.name(),
              new FullRanking(list.head(fan), popular, excluded),
              relevant,
              relevantOrdinals,
              -1,
              -1));
    }
    return scored;
  }

  /** The candidates' ordinals by the ranker's score, best first; ties keep proposal order. */
  public static int[] rank(FanCandidates candidates, Ranker ranker) {
    int n = candidates.size();
    double[] scores = ranker.scores(candidates.features());
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    int[] head = new int[n];
    for (int i = 0; i < n; i++) {
      head[i] = candidates.ordinals()[order[i]];
    }
    return head;
  }

  private static Scored score(
      String model,
      FullRanking ranking,
      BitSet relevant,
      int[] relevantOrdinals,
      int reached,
      int candidates) {
    int[] deep = ranking.top(CANDIDATE_DEPTH);
    int inDepth = 0;
    for (int ordinal : deep) {
      if (relevant.get(ordinal)) {
        inDepth++;
      }
    }
    int[] top = Arrays.copyOf(deep, Math.min(DEPTH, deep.length));
    boolean[] hits = new boolean[top.length];
    for (int i = 0; i < top.length; i++) {
      hits[i] = relevant.get(top[i]);
    }
    long first = relevantOrdinals.length == 0 ? 0 : ranking.firstRank(relevantOrdinals);
    return new Scored(model, top, hits, first, reached, inDepth, candidates);
  }

  static BitSet ordinals(CatalogSnapshot catalog, Set<ProductId> ids) {
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
