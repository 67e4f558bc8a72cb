package io.fanshelf.recommender.ranking;

import io.fanshelf.recommender.collaborative.TopK;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A base ranking plus a sum of regression trees, as LambdaMART fits them: the score is {@code
 * baseWeight * base.score(x)} (the ranking the boosting started from, e.g. popularity; none when
 * the weight is 0) plus every tree's leaf. The trees are flat arrays: node {@code n} splits on
 * {@code feature[n]} at {@code threshold[n]} (at or below goes to {@code left[n]}, above to {@code
 * right[n]}), or is a leaf with {@code value[n]} when {@code feature[n]} is -1. Scoring walks each
 * tree from its root without allocating.
 *
 * <p>With a {@link #rescoreDepth} it ranks a request's list as a cascade: the base ranking orders
 * every candidate, and only its best {@code rescoreDepth} are scored by the trees; the trees cost
 * what that many candidates cost instead of the whole list, and validation chooses the depth on the
 * lists it measures ({@link #scores(float[][])}). Immutable and thread-safe.
 */
public final class TreeEnsemble implements Ranker {
  private final String name;
  private final List<String> featureNames;
  private final Ranker base;
  private final double baseWeight;
  private final int[] roots;
  private final int[] feature;
  private final float[] threshold;
  private final int[] left;
  private final int[] right;
  private final double[] value;
  // the same nodes for scoring, four ints each (feature, threshold's bits, left * 4, right * 4): a
  // step reads one cache line where the four arrays above take four
  private final int[] packed;
  private final int rescoreDepth;
  private final int[] reads;

  /**
   * @param base the ranking the boosting started from
   * @param baseWeight its weight in the score; 0 for trees alone
   * @param rescoreDepth how many of a list's candidates, best by the base ranking, the trees score;
   *     0 for all of them
   */
  public TreeEnsemble(
      String name,
      List<String> featureNames,
      Ranker base,
      double baseWeight,
      int[] roots,
      int[] feature,
      float[] threshold,
      int[] left,
      int[] right,
      double[] value,
      int rescoreDepth) {
    this.name = Objects.requireNonNull(name, "name");
    this.featureNames = List.copyOf(featureNames);
    this.base = Objects.requireNonNull(base, "base");
    if (!Double.isFinite(baseWeight)) {
      throw new IllegalArgumentException("base weight must be finite, got " + baseWeight);
    }
    this.baseWeight = baseWeight;
    int nodes = feature.length;
    if (threshold.length != nodes
        || left.length != nodes
        || right.length != nodes
        || value.length != nodes) {
      throw new IllegalArgumentException("tree arrays differ in length");
    }
    for (int root : roots) {
      check(root, nodes);
    }
    for (int n = 0; n < nodes; n++) {
      if (feature[n] >= 0) {
        if (feature[n] >= this.featureNames.size()) {
          throw new IllegalArgumentException("node " + n + " splits on unknown feature");
        }
        check(left[n], nodes);
        check(right[n], nodes);
        if (left[n] <= n || right[n] <= n) {
          throw new IllegalArgumentException("node " + n + " points back: not a tree");
        }
      } else if (!Double.isFinite(value[n])) {
        throw new IllegalArgumentException("leaf " + n + " has value " + value[n]);
      }
    }
    this.roots = roots;
    this.feature = feature;
    this.threshold = threshold;
    this.left = left;
    this.right = right;
    this.value = value;
    this.packed = new int[nodes * 4];
    for (int n = 0; n < nodes; n++) {
      packed[4 * n] = feature[n] >= 0 ? feature[n] : -1;
      packed[4 * n + 1] = Float.floatToRawIntBits(threshold[n]);
      packed[4 * n + 2] = 4 * left[n];
      packed[4 * n + 3] = 4 * right[n];
    }
    if (rescoreDepth < 0) {
      throw new IllegalArgumentException("rescore depth must be >= 0, got " + rescoreDepth);
    }
    this.rescoreDepth = rescoreDepth;
    this.reads = reads(feature, baseWeight == 0 ? new int[0] : base.reads());
  }

  /** The features some node splits on, with those the base reads when it is weighed in. */
  private static int[] reads(int[] feature, int[] baseReads) {
    return IntStream.concat(Arrays.stream(feature).filter(f -> f >= 0), Arrays.stream(baseReads))
        .distinct()
        .sorted()
        .toArray();
  }

  private static void check(int node, int nodes) {
    if (node < 0 || node >= nodes) {
      throw new IllegalArgumentException("node " + node + " out of range");
    }
  }

  /** The first {@code count} trees (what boosting had fitted after {@code count} rounds). */
  public TreeEnsemble prefix(int count) {
    if (count < 0 || count > roots.length) {
      throw new IllegalArgumentException(
          "count must be between 0 and " + roots.length + ", got " + count);
    }
    return copy(name, Arrays.copyOf(roots, count), rescoreDepth);
  }

  /** The same trees scoring only the base ranking's best {@code depth} of a list (0: all). */
  public TreeEnsemble withRescoreDepth(int depth) {
    return copy(name, roots, depth);
  }

  /** The same trees under another name (e.g. the registry's id). */
  public TreeEnsemble named(String newName) {
    return copy(newName, roots, rescoreDepth);
  }

  private TreeEnsemble copy(String newName, int[] newRoots, int depth) {
    return new TreeEnsemble(
        newName,
        featureNames,
        base,
        baseWeight,
        newRoots,
        feature,
        threshold,
        left,
        right,
        value,
        depth);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public int[] reads() {
    return reads.clone();
  }

  @Override
  public double score(float[] features) {
    return (baseWeight == 0 ? 0 : baseWeight * base.score(features)) + trees(features);
  }

  /**
   * {@link #trees(float[])} of each row, walked tree by tree: one tree's nodes stay in the nearest
   * cache while every row goes through it, where row by row each row walks them all. Each row's
   * leaves are still summed in tree order, from 0.
   */
  private double[] trees(float[][] rows) {
    int[] nodes = packed;
    double[] sums = new double[rows.length];
    for (int root : roots) {
      for (int j = 0; j < rows.length; j++) {
        sums[j] += leaf(nodes, root, rows[j]);
      }
    }
    return sums;
  }

  private double trees(float[] features) {
    int[] nodes = packed;
    double sum = 0;
    for (int root : roots) {
      sum += leaf(nodes, root, features);
    }
    return sum;
  }

  /** The value of the leaf that {@code features} reach in the tree at {@code root}. */
  private double leaf(int[] nodes, int root, float[] features) {
    int at = 4 * root;
    int split;
    while ((split = nodes[at]) >= 0) {
      at = features[split] <= Float.intBitsToFloat(nodes[at + 1]) ? nodes[at + 2] : nodes[at + 3];
    }
    return value[at >> 2];
  }

  /**
   * A list's scores; with a {@link #rescoreDepth} smaller than the list, the base ranking's best
   * {@code rescoreDepth} candidates (ties to the earlier one) get their whole score and the others
   * rank below all of them in the base ranking's order: each gets the lowest whole score, less 1,
   * less its distance to the best base score among them. Only the rescored candidates' vectors are
   * asked for what the trees read; the others only for what the base reads.
   */
  @Override
  public double[] scores(FeatureVectors vectors) {
    int n = vectors.size();
    if (rescoreDepth == 0 || n <= rescoreDepth) {
      return Ranker.super.scores(vectors);
    }
    int[] baseReads = base.reads();
    double[] first = new double[n];
    for (int i = 0; i < n; i++) {
      first[i] = base.score(vectors.vectorOnce(i, baseReads));
    }
    double[] scores = new double[n];
    boolean[] rescored = new boolean[n];
    double lowest = Double.POSITIVE_INFINITY;
    int[] best = TopK.indices(first, rescoreDepth);
    float[][] rows = new float[best.length][];
    for (int j = 0; j < best.length; j++) {
      rows[j] = vectors.vector(best[j], reads);
    }
    double[] sums = trees(rows);
    for (int j = 0; j < best.length; j++) {
      int i = best[j];
      scores[i] = (baseWeight == 0 ? 0 : baseWeight * first[i]) + sums[j];
      rescored[i] = true;
      lowest = Math.min(lowest, scores[i]);
    }
    double bestOfRest = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (!rescored[i]) {
        bestOfRest = Math.max(bestOfRest, first[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      if (!rescored[i]) {
        scores[i] = lowest - 1 - (bestOfRest - first[i]);
      }
    }
    return scores;
  }

  /** How many of a list's candidates, best by the base ranking, the trees score; 0 for all. */
  public int rescoreDepth() {
    return rescoreDepth;
  }

  public int trees() {
    return roots.length;
  }

  public Ranker base() {
    return base;
  }

  public double baseWeight() {
    return baseWeight;
  }

  public int[] roots() {
    return roots;
  }

  public int[] feature() {
    return feature;
  }

  public float[] threshold() {
    return threshold;
  }

  public int[] left() {
    return left;
  }

  public int[] right() {
    return right;
  }

  public double[] value() {
    return value;
  }
}
