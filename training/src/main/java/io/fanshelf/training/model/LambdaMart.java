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
 * that swapping them would make) and its second derivative, fits one Smile regression tree to the
 * lambdas by least squares, and sets each leaf to the Newton step {@code sum(lambda) / sum(second
 * derivative)}. The trees are then copied into a {@link TreeEnsemble}, which serving scores without
 * Smile. The same data, options and seed give the same trees. Stateless.
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
   * current scores; binary relevance, so pairs are (relevant, irrelevant).
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
    Integer[] byScore = new Integer[size];
    for (int i = 0; i < size; i++) {
      byScore[i] = from + i;
    }
    Arrays.sort(byScore, (a, b) -> Double.compare(scores[b], scores[a]));
    int[] rank = new int[size];
    for (int r = 0; r < size; r++) {
      rank[byScore[r] - from] = r;
    }
    double ideal = 0;
    for (int r = 0; r < Math.min(relevant, cutoff); r++) {
      ideal += discount(r);
    }
    for (int i = from; i < to; i++) {
      if (labels[i] == 0) {
        continue;
      }
      int ri = rank[i - from];
      for (int j = from; j < to; j++) {
        if (labels[j] != 0) {
          continue;
        }
        int rj = rank[j - from];
        if (ri >= cutoff && rj >= cutoff) {
          continue;
        }
        double delta =
            Math.abs((ri < cutoff ? discount(ri) : 0) - (rj < cutoff ? discount(rj) : 0)) / ideal;
        double rho = 1 / (1 + Math.exp(SIGMA * (scores[i] - scores[j])));
        double lambda = SIGMA * delta * rho;
        double weight = SIGMA * SIGMA * delta * rho * (1 - rho);
        lambdas[i] += lambda;
        lambdas[j] -= lambda;
        weights[i] += weight;
        weights[j] += weight;
      }
    }
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
          name, Feature.names(), base, baseWeight, roots, feature, threshold, left, right, value);
    }
  }
}
