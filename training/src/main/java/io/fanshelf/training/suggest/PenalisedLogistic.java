package io.fanshelf.training.suggest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import smile.classification.LogisticRegression;

/**
 * Logistic regression whose L2 penalty is chosen on a stratified validation split by log-loss, then
 * refitted on all rows with that penalty. Classes are {@code 0..k-1}, each present at least twice.
 */
final class PenalisedLogistic {
  private static final double TOLERANCE = 1e-5;
  private static final int MAX_ITERATIONS = 500;
  private static final double FLOOR = 1e-6;

  private PenalisedLogistic() {}

  /**
   * The refitted model, with the chosen penalty and its validation log-loss next to the log-loss of
   * predicting the training class frequencies (the model is only useful below the latter).
   */
  record Fitted(
      LogisticRegression model, double lambda, double validationLogLoss, double priorLogLoss) {}

  static Fitted fit(double[][] x, int[] y, int k, List<Double> lambdas, double share, Random rnd) {
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        if (y[i] == c) {
          rows.add(i);
        }
      }
      Collections.shuffle(rows, rnd);
      // At least one of each class stays in training, so every fold knows every class.
      int held = Math.min(rows.size() - 1, (int) Math.round(rows.size() * share));
      validation.addAll(rows.subList(0, held));
      train.addAll(rows.subList(held, rows.size()));
    }
    double[][] trainX = rows(x, train);
    int[] trainY = labels(y, train);
    double[] prior = new double[k];
    for (int label : trainY) {
      prior[label] += 1.0 / trainY.length;
    }
    double priorLoss = 0;
    for (int i : validation) {
      priorLoss -= Math.log(Math.max(FLOOR, prior[y[i]]));
    }
    double best = Double.NaN;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (double lambda : lambdas) {
      LogisticRegression model = fitOne(trainX, trainY, lambda);
      double loss = 0;
      double[] posterior = new double[k];
      for (int i : validation) {
        model.predict(x[i], posterior);
        loss -= Math.log(Math.max(FLOOR, posterior[y[i]]));
      }
      if (loss < bestLoss || Double.isNaN(best)) {
        best = lambda;
        bestLoss = loss;
      }
    }
    int n = Math.max(1, validation.size());
    return new Fitted(fitOne(x, y, best), best, bestLoss / n, priorLoss / n);
  }

  private static LogisticRegression fitOne(double[][] x, int[] y, double lambda) {
    return LogisticRegression.fit(
        x, y, new LogisticRegression.Options(lambda, TOLERANCE, MAX_ITERATIONS));
  }

  private static double[][] rows(double[][] x, List<Integer> rows) {
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = x[rows.get(i)];
    }
    return out;
  }

  private static int[] labels(int[] y, List<Integer> rows) {
    int[] out = new int[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = y[rows.get(i)];
    }
    return out;
  }
}
