package io.fanshelf.training.model;

import io.fanshelf.recommender.feature.FeatureSchema;
import io.fanshelf.training.dataset.Dataset;
import java.util.List;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.data.vector.ValueVector;
import smile.math.MathEx;

/**
 * Fits a model to a dataset: {@code fit(data, options)} returns the model. The same data, options
 * and seed give the same model. Stateless; Smile's random generator is seeded on the calling
 * thread.
 */
public final class Fit {
  private Fit() {}

  public static TrainedModel fit(Dataset data, ModelOptions options) {
    requireBothClasses(data);
    if (options instanceof GbtOptions gbt) {
      return gbt(data, gbt);
    }
    return logistic(data, (LogisticOptions) options);
  }

  private static void requireBothClasses(Dataset data) {
    long positives = data.positives();
    if (positives == 0 || positives == data.size()) {
      throw new IllegalArgumentException(
          "a model needs positive and negative examples; the dataset has "
              + positives
              + " positives among "
              + data.size()
              + " examples (window "
              + data.window()
              + "). Use more data or a longer label window.");
    }
  }

  static GbtModel gbt(Dataset data, GbtOptions options) {
    List<String> names = FeatureSchema.names();
    ValueVector[] columns = new ValueVector[names.size() + 1];
    for (int f = 0; f < names.size(); f++) {
      double[] column = new double[data.size()];
      for (int i = 0; i < column.length; i++) {
        column[i] = data.features()[i][f];
      }
      columns[f] = new DoubleVector(names.get(f), column);
    }
    columns[names.size()] = new IntVector(GbtModel.LABEL, data.labels().clone());
    DataFrame frame = new DataFrame(columns);
    MathEx.setSeed(options.seed());
    GradientTreeBoost trees =
        GradientTreeBoost.fit(
            Formula.lhs(GbtModel.LABEL),
            frame,
            new GradientTreeBoost.Options(
                options.trees(),
                options.maxDepth(),
                options.maxNodes(),
                options.nodeSize(),
                options.shrinkage(),
                options.subsample(),
                null,
                null));
    return new GbtModel(options, trees, names);
  }

  static LogisticModel logistic(Dataset data, LogisticOptions options) {
    int n = data.size();
    int p = FeatureSchema.size();
    double[] means = new double[p];
    double[] scales = new double[p];
    for (float[] row : data.features()) {
      for (int f = 0; f < p; f++) {
        means[f] += row[f];
      }
    }
    for (int f = 0; f < p; f++) {
      means[f] /= n;
    }
    for (float[] row : data.features()) {
      for (int f = 0; f < p; f++) {
        double d = row[f] - means[f];
        scales[f] += d * d;
      }
    }
    for (int f = 0; f < p; f++) {
      double sd = Math.sqrt(scales[f] / n);
      scales[f] = sd > 1e-9 ? sd : 1; // a constant feature stays 0 after centring
    }
    double[][] x = new double[n][p];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < p; f++) {
        x[i][f] = (data.features()[i][f] - means[f]) / scales[f];
      }
    }
    MathEx.setSeed(options.seed());
    LogisticRegression.Binomial fitted =
        LogisticRegression.binomial(
            x,
            data.labels(),
            new LogisticRegression.Options(
                options.lambda(), options.tolerance(), options.maxIterations()));
    double[] coefficients = fitted.coefficients(); // one per feature, then the intercept
    double[] weights = new double[p];
    System.arraycopy(coefficients, 0, weights, 0, p);
    return new LogisticModel(options, weights, coefficients[p], means, scales);
  }
}
