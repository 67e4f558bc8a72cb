package io.fanshelf.training.model;

import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.ranking.TreeEnsemble;
import io.fanshelf.training.dataset.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import smile.base.cart.CART;
import smile.base.cart.InternalNode;
import smile.base.cart.LeafNode;
import smile.base.cart.Loss;
import smile.base.cart.Node;
import smile.base.cart.RegressionNode;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.DoubleVector;
import smile.data.vector.ValueVector;
import smile.regression.RegressionTree;

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

  public static TreeEnsemble fit(Dataset data, LambdaMartOptions options, String name) {
    int n = data.size();
    int p = Feature.count();
    int[] groupStart = groupStarts(data.groups());
    ValueVector[] columns = new ValueVector[p];
    double[][] byFeature = new double[p][n];
    for (int f = 0; f < p; f++) {
      for (int i = 0; i < n; i++) {
        byFeature[f][i] = data.features()[i][f];
      }
      columns[f] = new DoubleVector(Feature.names().get(f), byFeature[f]);
    }
    DataFrame x = new DataFrame(columns);
    StructType schema = x.schema();
    int[][] order = CART.order(x);
    double[] scores = new double[n];
    double[] lambdas = new double[n];
    double[] weights = new double[n];
    StructField response = new StructField("lambda", DataTypes.DoubleType);
    SplittableRandom random = new SplittableRandom(options.seed());
    Flattened flat = new Flattened();
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
      int[] samples = sample(n, options.subsample(), random);
      RegressionTree tree =
          new RegressionTree(
              x,
              new NewtonStep(lambdas, weights),
              response,
              64,
              options.maxLeaves(),
              options.minLeafSize(),
              p,
              samples,
              order);
      int root = flat.add(tree.root(), schema, byFeature, options.shrinkage());
      IntStream.range(0, n)
          .parallel()
          .forEach(i -> scores[i] += flat.score(root, data.features()[i]));
    }
    return flat.ensemble(name);
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

  private static int[] sample(int n, double share, SplittableRandom random) {
    int[] samples = new int[n];
    for (int i = 0; i < n; i++) {
      samples[i] = share >= 1 || random.nextDouble() < share ? 1 : 0;
    }
    return samples;
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

  /** A Smile loss whose response is the lambdas and whose leaf output is the Newton step. */
  private static final class NewtonStep implements Loss {
    private final double[] lambdas;
    private final double[] weights;

    NewtonStep(double[] lambdas, double[] weights) {
      this.lambdas = lambdas;
      this.weights = weights;
    }

    @Override
    public double value() {
      return 0;
    }

    @Override
    public double output(int[] nodeSamples, int[] sampleCount) {
      double sum = 0;
      double weight = 0;
      for (int i : nodeSamples) {
        sum += lambdas[i] * sampleCount[i];
        weight += weights[i] * sampleCount[i];
      }
      return weight < 1e-12 ? 0 : sum / weight;
    }

    @Override
    public double intercept(double[] y) {
      return 0;
    }

    @Override
    public double[] response() {
      return lambdas;
    }

    @Override
    public double[] residual() {
      return lambdas;
    }
  }

  /**
   * Trees in flat arrays, built from Smile's nodes. Smile keeps a split's threshold private, so it
   * is recovered from the node's public {@code branch} test: a binary search over the feature's
   * sorted training values finds the largest that goes left, and that value is the threshold (every
   * training example then takes the branch Smile gave it).
   */
  private static final class Flattened {
    private final List<Integer> roots = new ArrayList<>();
    private int size;
    private int[] feature = new int[256];
    private float[] threshold = new float[256];
    private int[] left = new int[256];
    private int[] right = new int[256];
    private double[] value = new double[256];
    private double[][] sortedValues;

    int add(Node root, StructType schema, double[][] byFeature, double shrinkage) {
      if (sortedValues == null) {
        sortedValues = new double[byFeature.length][];
        for (int f = 0; f < byFeature.length; f++) {
          sortedValues[f] = Arrays.stream(byFeature[f]).distinct().sorted().toArray();
        }
      }
      int index = add(root, schema, shrinkage);
      roots.add(index);
      return index;
    }

    private int add(Node node, StructType schema, double shrinkage) {
      if (size == feature.length) {
        int grown = size * 2;
        feature = Arrays.copyOf(feature, grown);
        threshold = Arrays.copyOf(threshold, grown);
        left = Arrays.copyOf(left, grown);
        right = Arrays.copyOf(right, grown);
        value = Arrays.copyOf(value, grown);
      }
      int index = size++;
      feature[index] = -1;
      if (node instanceof LeafNode leaf) {
        value[index] = shrinkage * ((RegressionNode) leaf).output();
        return index;
      }
      InternalNode split = (InternalNode) node;
      feature[index] = split.feature();
      threshold[index] = (float) threshold(split, schema);
      int trueChild = add(split.trueChild(), schema, shrinkage);
      int falseChild = add(split.falseChild(), schema, shrinkage);
      left[index] = trueChild;
      right[index] = falseChild;
      return index;
    }

    private double threshold(InternalNode split, StructType schema) {
      double[] values = sortedValues[split.feature()];
      double[] row = new double[schema.length()];
      int lo = 0; // goes left (true)
      int hi = values.length - 1; // goes right (false)
      row[split.feature()] = values[hi];
      if (split.branch(Tuple.of(schema, row))) {
        return values[hi];
      }
      while (hi - lo > 1) {
        int mid = (lo + hi) >>> 1;
        row[split.feature()] = values[mid];
        if (split.branch(Tuple.of(schema, row))) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return values[lo];
    }

    double score(int root, float[] features) {
      int n = root;
      while (feature[n] >= 0) {
        n = features[feature[n]] <= threshold[n] ? left[n] : right[n];
      }
      return value[n];
    }

    TreeEnsemble ensemble(String name) {
      return new TreeEnsemble(
          name,
          Feature.names(),
          roots.stream().mapToInt(Integer::intValue).toArray(),
          Arrays.copyOf(feature, size),
          Arrays.copyOf(threshold, size),
          Arrays.copyOf(left, size),
          Arrays.copyOf(right, size),
          Arrays.copyOf(value, size));
    }
  }
}
