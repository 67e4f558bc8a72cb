package io.fanshelf.training.model;

import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.ranking.LinearRanker;
import io.fanshelf.recommender.ranking.Ranker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A weighted sum of a few standardised scores (the collaborative models', popularity, the fan's
 * affinities and label matches), its weights chosen by coordinate ascent on the validation lists'
 * NDCG@10 (Metzler and Croft 2007, "Linear feature-based models for information retrieval"):
 * starting from one score alone, each other score's weight is set in turn to the grid value that
 * ranks the lists best, for {@link #ROUNDS} rounds. A handful of weights chosen directly on the
 * metric and on the lists serving ranks: no training examples, so none of their window's quirks.
 * Stateless.
 */
public final class Blend {
  /** The weights tried for each score beside the first (whose weight stays 1). */
  static final List<Double> GRID = List.of(-0.5, -0.2, 0.0, 0.1, 0.2, 0.5, 1.0, 2.0);

  /** Passes over the scores; a second pass lets weights settle after their neighbours moved. */
  static final int ROUNDS = 2;

  private Blend() {}

  /**
   * One blend tried.
   *
   * @param weights each score's weight (standardised scores)
   * @param validationNdcg what {@code ndcg} gave it
   */
  public record Step(Map<String, Double> weights, double validationNdcg) {}

  /** The best blend, its score, and every blend tried in order. */
  public record Fitted(LinearRanker ranker, double validationNdcg, List<Step> steps) {}

  /**
   * Chooses the weights of {@code others} beside {@code first}.
   *
   * @param rows the feature rows the scores are standardised on (the validation candidates)
   * @param ndcg scores a ranker on the validation lists (higher is better)
   */
  public static Fitted fit(
      String name,
      Feature first,
      List<Feature> others,
      Iterable<float[]> rows,
      ToDoubleFunction<Ranker> ndcg) {
    if (others.contains(first)) {
      throw new IllegalArgumentException(first.key() + " is both the first score and another");
    }
    int p = Feature.count();
    double[] means = new double[p];
    double[] scales = new double[p];
    moments(rows, means, scales);
    double[] weights = new double[p];
    weights[first.slot()] = 1;
    List<Step> steps = new ArrayList<>();
    double best = tried(name, weights, means, scales, ndcg, first, others, steps);
    for (int round = 0; round < ROUNDS; round++) {
      boolean moved = false;
      for (Feature f : others) {
        double kept = weights[f.slot()];
        double bestValue = kept;
        for (double value : GRID) {
          if (value == kept) {
            continue;
          }
          weights[f.slot()] = value;
          double score = tried(name, weights, means, scales, ndcg, first, others, steps);
          if (score > best) {
            best = score;
            bestValue = value;
          }
        }
        weights[f.slot()] = bestValue;
        moved |= bestValue != kept;
      }
      if (!moved) {
        break;
      }
    }
    return new Fitted(
        new LinearRanker(name, Feature.names(), weights, means, scales), best, List.copyOf(steps));
  }

  private static double tried(
      String name,
      double[] weights,
      double[] means,
      double[] scales,
      ToDoubleFunction<Ranker> ndcg,
      Feature first,
      List<Feature> others,
      List<Step> steps) {
    double score =
        ndcg.applyAsDouble(new LinearRanker(name, Feature.names(), weights, means, scales));
    Map<String, Double> used = new LinkedHashMap<>();
    used.put(first.key(), weights[first.slot()]);
    for (Feature f : others) {
      used.put(f.key(), weights[f.slot()]);
    }
    steps.add(new Step(used, score));
    return score;
  }

  /** Each feature's mean and standard deviation over {@code rows} (scale 1 where constant). */
  private static void moments(Iterable<float[]> rows, double[] means, double[] scales) {
    int p = means.length;
    double[] sums = new double[p];
    double[] squares = new double[p];
    long n = 0;
    for (float[] row : rows) {
      for (int f = 0; f < p; f++) {
        sums[f] += row[f];
        squares[f] += (double) row[f] * row[f];
      }
      n++;
    }
    for (int f = 0; f < p; f++) {
      means[f] = n == 0 ? 0 : sums[f] / n;
      double variance = n == 0 ? 0 : squares[f] / n - means[f] * means[f];
      scales[f] = variance > 1e-12 ? Math.sqrt(variance) : 1;
    }
  }
}
