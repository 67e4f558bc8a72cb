package io.fanshelf.recommender.outreach;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A logistic model of "buys within the horizon" over a fan's features, fitted by Newton's method
 * (iteratively reweighted least squares) with a ridge penalty on every weight but the intercept.
 * Column 0 of every row is the intercept (1). A column that is non-zero in fewer than {@link
 * #MIN_NON_ZERO} rows is not fitted: its weight is 0 and {@link #fitted(int)} says so, so a reason
 * that hardly ever fired in the validation windows keeps the judgement the caller falls back to.
 */
public final class PurchaseModel {
  /**
   * The ridge penalty: small against the thousands of rows an owner's fans give, large enough that
   * a column the buyers and non-buyers share keeps a finite weight (no separation blow-up).
   */
  static final double RIDGE = 1.0;

  /** Rows a column must be non-zero in to be fitted. */
  public static final int MIN_NON_ZERO = 20;

  /**
   * Buyers and non-buyers each needed per fitted weight (the usual ten events per variable): below
   * it the weights are noise, and {@link #fit} declines.
   */
  public static final int EVENTS_PER_WEIGHT = 10;

  private static final int MAX_ITERATIONS = 50;
  private static final double CONVERGED = 1e-7;

  private final double[] weights;
  private final boolean[] fitted;

  private PurchaseModel(double[] weights, boolean[] fitted) {
    this.weights = weights;
    this.fitted = fitted;
  }

  /**
   * Fits the model to rows (each starting with the intercept's 1) and whether each row's fan
   * bought; empty when there are too few buyers or non-buyers for the columns to fit.
   */
  public static Optional<PurchaseModel> fit(List<double[]> rows, boolean[] bought) {
    if (rows.size() != bought.length) {
      throw new IllegalArgumentException(
          rows.size() + " rows but " + bought.length + " labels: expected one label per row");
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    int width = rows.getFirst().length;
    boolean[] used = new boolean[width];
    used[0] = true;
    int[] nonZero = new int[width];
    for (double[] row : rows) {
      if (row.length != width || row[0] != 1) {
        throw new IllegalArgumentException(
            "expected rows of " + width + " values starting with the intercept's 1");
      }
      for (int j = 1; j < width; j++) {
        if (row[j] != 0) {
          nonZero[j]++;
        }
      }
    }
    int columns = 1;
    for (int j = 1; j < width; j++) {
      used[j] = nonZero[j] >= MIN_NON_ZERO;
      columns += used[j] ? 1 : 0;
    }
    int buyers = 0;
    for (boolean b : bought) {
      buyers += b ? 1 : 0;
    }
    if (Math.min(buyers, rows.size() - buyers) < EVENTS_PER_WEIGHT * columns) {
      return Optional.empty();
    }
    double[] w = new double[width];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[width];
      double[][] hessian = new double[width][width];
      for (int i = 0; i < rows.size(); i++) {
        double[] x = rows.get(i);
        double p = sigmoid(dot(w, x));
        double residual = (bought[i] ? 1 : 0) - p;
        double curvature = Math.max(p * (1 - p), 1e-12);
        for (int a = 0; a < width; a++) {
          if (!used[a] || x[a] == 0) {
            continue;
          }
          gradient[a] += residual * x[a];
          for (int b = a; b < width; b++) {
            if (used[b]) {
              hessian[a][b] += curvature * x[a] * x[b];
            }
          }
        }
      }
      for (int a = 0; a < width; a++) {
        for (int b = 0; b < a; b++) {
          hessian[a][b] = hessian[b][a];
        }
        if (!used[a]) {
          hessian[a][a] = 1; // a column left out stays at 0: its step solves to 0
        } else if (a > 0) {
          gradient[a] -= RIDGE * w[a];
          hessian[a][a] += RIDGE;
        }
      }
      double[] step = solve(hessian, gradient);
      double largest = 0;
      for (int a = 0; a < width; a++) {
        w[a] += step[a];
        largest = Math.max(largest, Math.abs(step[a]));
      }
      if (largest < CONVERGED) {
        break;
      }
    }
    return Optional.of(new PurchaseModel(w, used));
  }

  /** The chance a fan with these features buys within the horizon. */
  public double probability(double[] row) {
    return sigmoid(dot(weights, row));
  }

  /** The weight of a column (0 when it was not fitted). */
  public double weight(int column) {
    return weights[column];
  }

  /** Whether the column was non-zero in enough rows to be fitted. */
  public boolean fitted(int column) {
    return fitted[column];
  }

  @Override
  public String toString() {
    return "PurchaseModel" + Arrays.toString(weights);
  }

  private static double dot(double[] w, double[] x) {
    double sum = 0;
    for (int j = 0; j < w.length; j++) {
      sum += w[j] * x[j];
    }
    return sum;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Solves a symmetric positive definite system by Cholesky decomposition. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j][j];
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * y[k];
      }
      y[i] = sum / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * x[k];
      }
      x[i] = sum / l[i][i];
    }
    return x;
  }
}
