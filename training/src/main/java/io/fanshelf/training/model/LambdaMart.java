package io.fanshelf.training.model;

import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.ranking.FeatureRanker;
import io.fanshelf.recommender.ranking.Ranker;
import io.fanshelf.recommender.ranking.TreeEnsemble;
import io.fanshelf.training.dataset.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Fits LambdaMART as Burges (2010) describes it: each round computes, per fan, the lambda of every
 * example (the RankNet gradient of each (relevant, irrelevant) pair scaled by the change in NDCG@k
 * that swapping them would make) and its second derivative, grows one histogram regression tree
 * ({@link HistogramTree}) on them, and sets each leaf to the Newton step {@code sum(lambda) /
 * sum(second derivative)}. The trees are then laid end to end in a {@link TreeEnsemble}, which
 * serving scores. The same data, options and seed give the same trees. Stateless.
 */
public final class LambdaMart {
  /** The sigmoid's steepness in the RankNet pair probability. */
  private static final double SIGMA = 1.0;

  private LambdaMart() {}

  /** Boosting from zero. */
  public static TreeEnsemble fit(Dataset data, LambdaMartOptions options, String name) {
    return fit(data, options, name, FeatureRanker.popularity(), 0);
  }

  /**
   * Boosting from {@code base}: the start scores are {@code base}'s, divided by their mean standard
   * deviation within a fan's examples ({@code base} counts 0 when they do not vary).
   */
  public static TreeEnsemble fit(
      Dataset data, LambdaMartOptions options, String name, Ranker base) {
    return fit(data, options, name, base, unitScale(data, base));
  }

  private static TreeEnsemble fit(
      Dataset data, LambdaMartOptions options, String name, Ranker base, double weight) {
    int n = data.size();
    int[] groupStart = groupStarts(data.groups());
    HistogramTree.Bins bins = new HistogramTree.Bins(data.features(), Feature.count());
    double[] scores = new double[n];
    if (weight != 0) {
      for (int i = 0; i < n; i++) {
        scores[i] = weight * base.score(data.features()[i]);
      }
    }
    double[] lambdas = new double[n];
    double[] weights = new double[n];
    SplittableRandom random = new SplittableRandom(options.seed());
    Ensemble ensemble = new Ensemble();
    int[] order = new int[n];
    for (int t = 0; t < options.trees(); t++) {
      Arrays.fill(lambdas, 0);
      Arrays.fill(weights, 0);
      IntStream.range(0, groupStart.length - 1)
          .parallel()
          .forEach(
              g ->
                  lambdas(
                      data.labels(),
                      scores,
                      groupStart[g],
                      groupStart[g + 1],
                      options.cutoff(),
                      lambdas,
                      weights));
      int size = 0;
      for (int i = 0; i < n; i++) {
        if (options.subsample() >= 1 || random.nextDouble() < options.subsample()) {
          order[size++] = i;
        }
      }
      HistogramTree.Grown tree =
          HistogramTree.grow(
              bins,
              lambdas,
              weights,
              order,
              size,
              options.maxLeaves(),
              options.minLeafSize(),
              options.shrinkage());
      ensemble.add(tree);
      IntStream.range(0, n).parallel().forEach(i -> scores[i] += score(tree, data.features()[i]));
    }
    return ensemble.build(name, base, weight);
  }

  private static double score(HistogramTree.Grown tree, float[] features) {
    int node = 0;
    while (tree.feature()[node] >= 0) {
      node =
          features[tree.feature()[node]] <= tree.threshold()[node]
              ? tree.left()[node]
              : tree.right()[node];
    }
    return tree.value()[node];
  }

  /**
   * The weight that makes the base's score differences about 1 within a fan's list: 1 over the mean
   * standard deviation of its scores within the groups (0 when they never vary).
   */
  static double unitScale(Dataset data, Ranker base) {
    int[] starts = groupStarts(data.groups());
    double sum = 0;
    int groups = 0;
    for (int g = 0; g + 1 < starts.length; g++) {
      int from = starts[g];
      int to = starts[g + 1];
      if (to - from < 2) {
        continue;
      }
      double mean = 0;
      for (int i = from; i < to; i++) {
        mean += base.score(data.features()[i]);
      }
      mean /= to - from;
      double squares = 0;
      for (int i = from; i < to; i++) {
        double d = base.score(data.features()[i]) - mean;
        squares += d * d;
      }
      sum += Math.sqrt(squares / (to - from));
      groups++;
    }
    double spread = groups == 0 ? 0 : sum / groups;
    return spread > 1e-12 ? 1 / spread : 0;
  }

  /** The first row of each group, then the row count (rows of one group are contiguous). */
  static int[] groupStarts(int[] groups) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < groups.length; i++) {
      if (i == 0 || groups[i] != groups[i - 1]) {
        starts.add(i);
      }
    }
    starts.add(groups.length);
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The lambdas and their second derivatives for the rows {@code [from, to)} of one fan, from the
   * current scores; binary relevance, so pairs are (relevant, irrelevant). Each row's sums add its
   * pairs in row order.
   */
  static void lambdas(
      int[] labels,
      double[] scores,
      int from,
      int to,
      int cutoff,
      double[] lambdas,
      double[] weights) {
    int size = to - from;
    int relevant = 0;
    for (int i = from; i < to; i++) {
      relevant += labels[i];
    }
    if (relevant == 0 || relevant == size) {
      return;
    }
    int[] byScore = byScore(scores, from, size);
    int[] rank = new int[size];
    // each row's discount at its rank, 0 at the cutoff and below
    double[] discounted = new double[size];
    for (int r = 0; r < size; r++) {
      rank[byScore[r]] = r;
      if (r < cutoff) {
        discounted[byScore[r]] = discount(r);
      }
    }
    double ideal = 0;
    for (int r = 0; r < Math.min(relevant, cutoff); r++) {
      ideal += discount(r);
    }
    // the irrelevant rows in row order, and those of them ranked above the cutoff: a pair whose
    // two rows are both at the cutoff or below changes no NDCG@cutoff and counts 0
    int[] irrelevant = new int[size - relevant];
    int[] irrelevantAbove = new int[size - relevant];
    int count = 0;
    int countAbove = 0;
    for (int j = 0; j < size; j++) {
      if (labels[from + j] == 0) {
        irrelevant[count++] = j;
        if (rank[j] < cutoff) {
          irrelevantAbove[countAbove++] = j;
        }
      }
    }
    for (int i = 0; i < size; i++) {
      if (labels[from + i] == 0) {
        continue;
      }
      boolean above = rank[i] < cutoff;
      int[] partners = above ? irrelevant : irrelevantAbove;
      int partnerCount = above ? count : countAbove;
      double scoreI = scores[from + i];
      double discountI = discounted[i];
      for (int p = 0; p < partnerCount; p++) {
        int j = partners[p];
        double delta = Math.abs(discountI - discounted[j]) / ideal;
        double rho = 1 / (1 + Math.exp(SIGMA * (scoreI - scores[from + j])));
        double lambda = SIGMA * delta * rho;
        double weight = SIGMA * SIGMA * delta * rho * (1 - rho);
        lambdas[from + i] += lambda;
        lambdas[from + j] -= lambda;
        weights[from + i] += weight;
        weights[from + j] += weight;
      }
    }
  }

  /**
   * The offsets {@code 0 .. size) of the rows from {@code from}, highest score first, ties in row
   * order (a stable merge sort of {@link Double#compare}, as sorting boxed indices would give).
   */
  static int[] byScore(double[] scores, int from, int size) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    mergeSort(scores, from, order, new int[size], 0, size);
    return order;
  }

  private static void mergeSort(
      double[] scores, int from, int[] order, int[] scratch, int lo, int hi) {
    if (hi - lo <= 16) {
      for (int i = lo + 1; i < hi; i++) {
        int moving = order[i];
        int k = i - 1;
        while (k >= lo && before(scores, from, moving, order[k])) {
          order[k + 1] = order[k];
          k--;
        }
        order[k + 1] = moving;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(scores, from, order, scratch, lo, mid);
    mergeSort(scores, from, order, scratch, mid, hi);
    System.arraycopy(order, lo, scratch, lo, hi - lo);
    int a = lo;
    int b = mid;
    for (int k = lo; k < hi; k++) {
      if (b >= hi || (a < mid && !before(scores, from, scratch[b], scratch[a]))) {
        order[k] = scratch[a++];
      } else {
        order[k] = scratch[b++];
      }
    }
  }

  /** Whether row offset {@code a} sorts strictly before {@code b}: a higher score. */
  private static boolean before(double[] scores, int from, int a, int b) {
    return Double.compare(scores[from + a], scores[from + b]) > 0;
  }

  private static double discount(int rank) {
    return 1 / (Math.log(rank + 2) / Math.log(2));
  }

  /** The trees grown so far, laid end to end as one {@link TreeEnsemble}'s arrays. */
  private static final class Ensemble {
    private final List<HistogramTree.Grown> trees = new ArrayList<>();

    void add(HistogramTree.Grown tree) {
      trees.add(tree);
    }

    TreeEnsemble build(String name, Ranker base, double baseWeight) {
      int total = trees.stream().mapToInt(t -> t.feature().length).sum();
      int[] roots = new int[trees.size()];
      int[] feature = new int[total];
      float[] threshold = new float[total];
      int[] left = new int[total];
      int[] right = new int[total];
      double[] value = new double[total];
      int offset = 0;
      for (int t = 0; t < trees.size(); t++) {
        HistogramTree.Grown tree = trees.get(t);
        roots[t] = offset;
        for (int node = 0; node < tree.feature().length; node++) {
          feature[offset + node] = tree.feature()[node];
          threshold[offset + node] = tree.threshold()[node];
          left[offset + node] = tree.feature()[node] < 0 ? -1 : offset + tree.left()[node];
          right[offset + node] = tree.feature()[node] < 0 ? -1 : offset + tree.right()[node];
          value[offset + node] = tree.value()[node];
        }
        offset += tree.feature().length;
      }
      return new TreeEnsemble(
          name,
          Feature.names(),
          base,
          baseWeight,
          roots,
          feature,
          threshold,
          left,
          right,
          value,
          0);
    }
  }
}
