package io.fanshelf.recommender.collaborative;

/**
 * Solves {@code A x = b} for a symmetric positive definite {@code A} given only as a product {@code
 * A p}, by conjugate gradients (Hestenes and Stiefel; for implicit ALS, Takács et al. 2011). ALS
 * needs one small k x k solve per fan and per product; CG never forms or inverts the matrix, and
 * started from the previous solution a few steps suffice. Stateless; thread-safe.
 */
public final class ConjugateGradient {
  private ConjugateGradient() {}

  /** {@code out = A p}. */
  @FunctionalInterface
  public interface Operator {
    void apply(double[] p, double[] out);
  }

  /**
   * Improves {@code x} in place (start from zeros or a previous solution).
   *
   * @param steps at most this many iterations (k reaches the exact solution in exact arithmetic)
   * @param tolerance stop when the residual's norm falls below this share of {@code b}'s
   */
  public static void solve(Operator a, double[] b, double[] x, int steps, double tolerance) {
    int k = b.length;
    double[] residual = new double[k];
    double[] direction = new double[k];
    double[] product = new double[k];
    a.apply(x, product);
    double bNorm = 0;
    double rr = 0;
    for (int i = 0; i < k; i++) {
      residual[i] = b[i] - product[i];
      direction[i] = residual[i];
      rr += residual[i] * residual[i];
      bNorm += b[i] * b[i];
    }
    double stop = tolerance * tolerance * bNorm;
    for (int step = 0; step < steps && rr > stop && rr > 0; step++) {
      a.apply(direction, product);
      double pAp = dot(direction, product);
      if (!(pAp > 0)) {
        return; // not positive definite along this direction: keep what we have
      }
      double alpha = rr / pAp;
      double next = 0;
      for (int i = 0; i < k; i++) {
        x[i] += alpha * direction[i];
        residual[i] -= alpha * product[i];
        next += residual[i] * residual[i];
      }
      double beta = next / rr;
      for (int i = 0; i < k; i++) {
        direction[i] = residual[i] + beta * direction[i];
      }
      rr = next;
    }
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
