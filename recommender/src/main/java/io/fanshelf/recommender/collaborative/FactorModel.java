package io.fanshelf.recommender.collaborative;

import io.fanshelf.indexer.model.FanId;
import java.util.Objects;

/**
 * Implicit ALS as serving reads it: one vector of {@code factors} numbers per product, their
 * Gramian, and the regularisation the fit used. A fan's vector is not stored: it is solved from the
 * fan's current history at request time ({@link #foldIn}), the same k x k system the fit solves per
 * fan, so a product the fan engaged with a moment ago shapes the next list. The loss is that of
 * Rendle et al. (2021), "Revisiting the Performance of iALS on Item Recommendation Benchmarks":
 * observed pairs pulled to 1 with their weight, every pair pushed to 0 with {@code
 * unobservedWeight}, and an L2 penalty scaled by frequency, {@code regularization * (n_u +
 * unobservedWeight * items)^exponent}.
 *
 * <p>A model may instead carry the loss of Hu, Koren and Volinsky (2008) as Spark MLlib's ALS
 * solves it ({@link #confidence()}): unobserved pairs pushed to 0 with {@code unobservedWeight},
 * observed pairs pulled to 1 with {@code weight + unobservedWeight} (so not also pushed to 0), and
 * the penalty {@code regularization * n_u^exponent}. Spark's system for a fan, {@code (Y^T Y +
 * sum_j alpha r_j y_j y_j^T + regParam n_u I) x = sum_j (1 + alpha r_j) y_j}, divided by alpha is
 * this one with {@code unobservedWeight = 1 / alpha}, {@code regularization = regParam / alpha},
 * {@code exponent = 1} and the weights {@code r_j}: the same x. Immutable and thread-safe.
 */
public final class FactorModel implements CollaborativeModel {
  public static final String ALGORITHM = "ials";

  private final ItemIndex items;
  private final int factors;
  private final float[] itemFactors;
  // the same numbers by factor ([f * items + position]) in one byte each, factor f in units of
  // scale[f] (its largest magnitude / 127): scoring every product for one fan is then `factors`
  // passes of a multiply-add over contiguous bytes, which the JIT turns into SIMD. The catalog scan
  // is memory-bound (docs/benchmarks.md), so bytes read a quarter of what floats would; its error
  // is bounded, and the products it cannot rule out are scored exactly. Positions run from the
  // longest product vector to the shortest (rowAt gives the row), so that a scan can stop once no
  // product left can reach the k-th best score (Cauchy-Schwarz: a score is at most the two
  // lengths' product); norm[position] is that product's length
  private final byte[] byFactor;
  private final int[] rowAt;
  private final double[] norm;
  private final float[] scale;
  private final double[] gramian;
  private final double regularization;
  private final double unobservedWeight;
  private final double frequencyExponent;
  private final boolean confidence;

  /** A model with Rendle's loss (the in-JVM fit's). */
  public FactorModel(
      ItemIndex items,
      int factors,
      float[] itemFactors,
      double[] gramian,
      double regularization,
      double unobservedWeight,
      double frequencyExponent) {
    this(
        items,
        factors,
        itemFactors,
        gramian,
        regularization,
        unobservedWeight,
        frequencyExponent,
        false);
  }

  /**
   * @param itemFactors row-major, {@code items.size() x factors}
   * @param gramian row-major {@code factors x factors}: the sum over products of {@code h h^T}
   * @param confidence Hu et al.'s loss (Spark's) instead of Rendle's, see the class comment
   */
  public FactorModel(
      ItemIndex items,
      int factors,
      float[] itemFactors,
      double[] gramian,
      double regularization,
      double unobservedWeight,
      double frequencyExponent,
      boolean confidence) {
    this.items = Objects.requireNonNull(items, "items");
    if (factors < 1 || itemFactors.length != items.size() * factors) {
      throw new IllegalArgumentException(
          "expected "
              + items.size()
              + " x "
              + factors
              + " item factors, got "
              + itemFactors.length
              + " numbers");
    }
    if (gramian.length != factors * factors) {
      throw new IllegalArgumentException("gramian must be " + factors + " x " + factors);
    }
    this.factors = factors;
    this.itemFactors = itemFactors;
    int n = items.size();
    this.scale = new float[factors];
    for (int i = 0; i < itemFactors.length; i++) {
      int f = i % factors;
      scale[f] = Math.max(scale[f], Math.abs(itemFactors[i]) / 127f);
    }
    double[] length = new double[n];
    for (int row = 0; row < n; row++) {
      double squares = 0;
      for (int f = 0; f < factors; f++) {
        double value = itemFactors[row * factors + f];
        squares += value * value;
      }
      length[row] = Math.sqrt(squares);
    }
    this.rowAt =
        java.util.stream.IntStream.range(0, n)
            .boxed()
            // longest first; a stable sort keeps equal lengths in row order
            .sorted(java.util.Comparator.comparingDouble(row -> -length[row]))
            .mapToInt(Integer::intValue)
            .toArray();
    this.norm = new double[n];
    this.byFactor = new byte[itemFactors.length];
    for (int position = 0; position < n; position++) {
      int row = rowAt[position];
      norm[position] = length[row];
      for (int f = 0; f < factors; f++) {
        float value = itemFactors[row * factors + f];
        byFactor[f * n + position] = scale[f] == 0 ? 0 : (byte) Math.round(value / scale[f]);
      }
    }
    this.gramian = gramian;
    this.regularization = regularization;
    this.unobservedWeight = unobservedWeight;
    this.frequencyExponent = frequencyExponent;
    this.confidence = confidence;
  }

  /** The Gramian {@code sum_i h_i h_i^T} of row-major vectors, {@code count x factors}. */
  public static double[] gramian(float[] vectors, int count, int factors) {
    double[] g = new double[factors * factors];
    for (int row = 0; row < count; row++) {
      int base = row * factors;
      for (int a = 0; a < factors; a++) {
        double va = vectors[base + a];
        if (va == 0) {
          continue;
        }
        for (int b = a; b < factors; b++) {
          g[a * factors + b] += va * vectors[base + b];
        }
      }
    }
    for (int a = 0; a < factors; a++) {
      for (int b = 0; b < a; b++) {
        g[a * factors + b] = g[b * factors + a];
      }
    }
    return g;
  }

  /**
   * Solves one side's vector given the other side's fixed vectors: minimises {@code sum_j c_j (v .
   * h_j - 1)^2 + unobservedWeight * v^T G v + lambda ||v||^2} over the observed rows {@code j} of
   * {@code others}, with {@code lambda = regularization * (n + unobservedWeight * total)^exponent}.
   * Used by the fit for both sides and by {@link #foldIn}.
   *
   * @param others the fixed side's vectors, row-major
   * @param otherGramian their Gramian
   * @param total how many vectors the fixed side has
   * @param x the starting point (the previous solution, or zeros), improved in place
   * @param confidence Hu et al.'s loss instead (the class comment): each observed row's target
   *     weight is then {@code weight + unobservedWeight} and {@code lambda = regularization *
   *     n^exponent}
   * @param steps conjugate-gradient steps
   */
  public static void solve(
      float[] others,
      double[] otherGramian,
      int total,
      int factors,
      int[] rows,
      float[] weights,
      double regularization,
      double unobservedWeight,
      double frequencyExponent,
      boolean confidence,
      double[] x,
      int steps) {
    double lambda =
        confidence
            ? regularization * Math.pow(rows.length, frequencyExponent)
            : regularization * Math.pow(rows.length + unobservedWeight * total, frequencyExponent);
    double[] b = new double[factors];
    for (int j = 0; j < rows.length; j++) {
      int base = rows[j] * factors;
      // a float, as before the confidence loss existed: the in-JVM fit stays the same to the bit
      float c = confidence ? (float) (weights[j] + unobservedWeight) : weights[j];
      for (int f = 0; f < factors; f++) {
        b[f] += c * others[base + f];
      }
    }
    ConjugateGradient.solve(
        (p, out) -> {
          for (int a = 0; a < factors; a++) {
            double sum = 0;
            int row = a * factors;
            for (int f = 0; f < factors; f++) {
              sum += otherGramian[row + f] * p[f];
            }
            out[a] = unobservedWeight * sum + lambda * p[a];
          }
          for (int j = 0; j < rows.length; j++) {
            int base = rows[j] * factors;
            double dot = 0;
            for (int f = 0; f < factors; f++) {
              dot += others[base + f] * p[f];
            }
            double scaled = weights[j] * dot;
            for (int f = 0; f < factors; f++) {
              out[f] += scaled * others[base + f];
            }
          }
        },
        b,
        x,
        steps,
        1e-6);
  }

  /** The fan's vector for this history; zeros for an empty history. */
  public double[] foldIn(FanItems fan) {
    double[] x = new double[factors];
    if (!fan.isEmpty()) {
      solve(
          itemFactors,
          gramian,
          items.size(),
          factors,
          fan.rows(),
          fan.weights(),
          regularization,
          unobservedWeight,
          frequencyExponent,
          confidence,
          x,
          factors);
    }
    return x;
  }

  /** The predicted preference of a fan (vector from {@link #foldIn}) for product {@code row}. */
  public double score(double[] fan, int row) {
    int base = row * factors;
    double sum = 0;
    for (int f = 0; f < factors; f++) {
      sum += fan[f] * itemFactors[base + f];
    }
    return sum;
  }

  /** Products scored per block of {@link #topRows}: a 4 kB buffer that stays in L1. */
  private static final int BLOCK = 1024;

  /**
   * The {@code k} products with the highest scores ({@link #score}) for the fan, best first (ties
   * by row), among the rows {@code allowed} accepts. Scans the catalog with the one-byte factors a
   * block of products at a time into one small buffer (no per-request array the size of the
   * catalog), then scores exactly every product whose approximate score comes within twice the
   * quantisation's largest error of the k-th best approximate one: no product of the exact top k
   * can be below that, so the result is the exact top k. The scan goes from the longest product
   * vector to the shortest and stops at the first block whose longest vector cannot score above
   * that bound (its length times the fan's), so the products it skips are not in the top k either.
   */
  public int[] topRows(double[] fan, int k, java.util.function.IntPredicate allowed) {
    if (k <= 0) {
      return new int[0];
    }
    int n = items.size();
    float[] weight = new float[factors];
    double error = 0;
    double magnitude = 0;
    for (int f = 0; f < factors; f++) {
      weight[f] = (float) (fan[f] * scale[f]);
      // rounding to a byte moves a factor by at most half its unit
      error += Math.abs(fan[f]) * scale[f] / 2;
      magnitude += Math.abs(fan[f]) * scale[f] * 127;
    }
    // both sides of the comparison are off by at most `error`; the float sums add their rounding
    double margin = 2 * error + 1e-5 * magnitude;
    double fanLength = 0;
    for (double value : fan) {
      fanLength += value * value;
    }
    // a little over the length, for the rounding of the two square roots and the product
    fanLength = Math.sqrt(fanLength) * (1 + 1e-9);
    float[] block = new float[BLOCK];
    TopK.Heap approximate = new TopK.Heap(k);
    int[] near = new int[(int) Math.min(n, 4L * k)];
    float[] nearScore = new float[near.length];
    int nearCount = 0;
    for (int from = 0; from < n; from += BLOCK) {
      if (fanLength * norm[from] < approximate.lowest() - margin) {
        break;
      }
      int size = Math.min(BLOCK, n - from);
      java.util.Arrays.fill(block, 0, size, 0f);
      for (int f = 0; f < factors; f++) {
        float w = weight[f];
        int base = f * n + from;
        for (int i = 0; i < size; i++) {
          block[i] += w * byFactor[base + i];
        }
      }
      for (int i = 0; i < size; i++) {
        int row = rowAt[from + i];
        if (block[i] >= approximate.lowest() - margin && allowed.test(row)) {
          approximate.offer(row, block[i]);
          if (nearCount == near.length) {
            near = java.util.Arrays.copyOf(near, near.length * 2);
            nearScore = java.util.Arrays.copyOf(nearScore, near.length);
          }
          near[nearCount] = row;
          nearScore[nearCount++] = block[i];
        }
      }
    }
    // the rows kept while the k-th best was still rising include some it now rules out
    double cut = approximate.lowest() - margin;
    TopK.Heap exact = new TopK.Heap(k);
    for (int j = 0; j < nearCount; j++) {
      if (nearScore[j] >= cut) {
        exact.offer(near[j], score(fan, near[j]));
      }
    }
    return exact.best();
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public void scores(FanId fan, FanItems history, ScoreSink sink) {
    if (history.isEmpty()) {
      return;
    }
    double[] vector = foldIn(history);
    for (int row = 0; row < items.size(); row++) {
      sink.add(row, score(vector, row));
    }
  }

  @Override
  public ItemIndex items() {
    return items;
  }

  public int factors() {
    return factors;
  }

  /** Row-major item factors (shared, not copied: do not change). */
  public float[] itemFactors() {
    return itemFactors;
  }

  public double[] gramian() {
    return gramian;
  }

  public double regularization() {
    return regularization;
  }

  public double unobservedWeight() {
    return unobservedWeight;
  }

  public double frequencyExponent() {
    return frequencyExponent;
  }

  /** True for Hu et al.'s loss (Spark MLlib's implicit ALS), false for Rendle's. */
  public boolean confidence() {
    return confidence;
  }
}
