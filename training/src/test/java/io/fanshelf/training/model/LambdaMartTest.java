package io.fanshelf.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.ranking.FeatureRanker;
import io.fanshelf.recommender.ranking.Ranker;
import io.fanshelf.recommender.ranking.TreeEnsemble;
import io.fanshelf.training.dataset.Dataset;
import io.fanshelf.training.eval.Metrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * LambdaMART learns a ranking a linear model cannot: relevant products sit in a middle band of one
 * feature. Scored per group, as NDCG@10 of each group's list.
 */
class LambdaMartTest {
  private static final int GROUP = 30;

  /** Groups of 30; a row is relevant when feature 1 lies in (0.4, 0.6), with a little noise. */
  static Dataset banded(int groups, long seed) {
    Random random = new Random(seed);
    int n = groups * GROUP;
    float[][] x = new float[n][Feature.count()];
    int[] y = new int[n];
    int[] group = new int[n];
    List<String> fans = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < x[i].length; f++) {
        x[i][f] = random.nextFloat();
      }
      boolean inBand = x[i][1] > 0.4 && x[i][1] < 0.6;
      y[i] = (inBand ^ random.nextDouble() < 0.05) ? 1 : 0;
      group[i] = i / GROUP;
      if (i % GROUP == 0) {
        fans.add("f" + i / GROUP);
      }
    }
    return new Dataset(x, y, group, fans, Instant.EPOCH, "banded", 1, 1);
  }

  /** Mean NDCG@10 of each group's rows ordered by the ranker. */
  static double ndcg(Dataset data, Ranker ranker) {
    double sum = 0;
    int groups = data.size() / GROUP;
    for (int g = 0; g < groups; g++) {
      int from = g * GROUP;
      Integer[] order = new Integer[GROUP];
      int relevant = 0;
      for (int i = 0; i < GROUP; i++) {
        order[i] = from + i;
        relevant += data.labels()[from + i];
      }
      Arrays.sort(
          order,
          (a, b) ->
              Double.compare(ranker.score(data.features()[b]), ranker.score(data.features()[a])));
      boolean[] hits = new boolean[10];
      for (int i = 0; i < 10; i++) {
        hits[i] = data.labels()[order[i]] == 1;
      }
      sum += Metrics.ndcg(hits, 10, relevant);
    }
    return sum / groups;
  }

  @Test
  void learnsABandThatALinearRankerCannot() {
    Dataset train = banded(200, 1);
    Dataset test = banded(100, 2);
    Ranker trees = Fit.fit(train, new LambdaMartOptions(60, 8, 20, 0.1, 0.8, 10, 3), "trees");
    Ranker linear = Fit.fit(train, LogisticOptions.defaults(3), "linear");
    double treesNdcg = ndcg(test, trees);
    double linearNdcg = ndcg(test, linear);
    assertTrue(treesNdcg > 0.85, "LambdaMART NDCG@10 " + treesNdcg);
    assertTrue(treesNdcg > linearNdcg + 0.2, treesNdcg + " vs linear " + linearNdcg);
  }

  @Test
  void theSameDataAndSeedGiveTheSameTreesAndPrefixesAreEarlierRounds() {
    Dataset train = banded(50, 4);
    LambdaMartOptions options = new LambdaMartOptions(20, 8, 10, 0.1, 0.8, 10, 5);
    TreeEnsemble a = (TreeEnsemble) Fit.fit(train, options, "a");
    TreeEnsemble b = (TreeEnsemble) Fit.fit(banded(50, 4), options, "b");
    assertEquals(20, a.trees());
    for (float[] row : train.features()) {
      assertEquals(a.score(row), b.score(row), 0.0);
    }
    TreeEnsemble ten = (TreeEnsemble) Fit.fit(train, options.withTrees(10), "ten");
    for (float[] row : train.features()) {
      assertEquals(ten.score(row), a.prefix(10).score(row), 1e-12);
    }
  }

  @Test
  void aCascadeScoresTheBaseRankingsBestWholeAndKeepsTheRestBelowInBaseOrder() {
    Dataset train = banded(200, 1);
    // the base ranks by feature 2, which says nothing about the band the trees learn
    FeatureRanker base = new FeatureRanker("base", Feature.values()[2], Feature.values()[3]);
    TreeEnsemble whole =
        (TreeEnsemble)
            Fit.fit(
                train, new LambdaMartOptions(60, 8, 20, 0.1, 0.8, 10, 3), "t", Optional.of(base));
    float[][] list = Arrays.copyOf(banded(1, 9).features(), GROUP);
    assertTrue(
        Arrays.equals(whole.scores(list), whole.withRescoreDepth(GROUP).scores(list)),
        "a depth of the whole list is no cascade");
    int depth = 10;
    double[] cascade = whole.withRescoreDepth(depth).scores(list);
    Integer[] byBase = new Integer[GROUP];
    for (int i = 0; i < GROUP; i++) {
      byBase[i] = i;
    }
    Arrays.sort(byBase, (a, b) -> Double.compare(base.score(list[b]), base.score(list[a])));
    double lowestRescored = Double.POSITIVE_INFINITY;
    for (int r = 0; r < depth; r++) {
      int i = byBase[r];
      assertEquals(whole.score(list[i]), cascade[i], 0.0, "the base's best get their whole score");
      lowestRescored = Math.min(lowestRescored, cascade[i]);
    }
    for (int r = depth; r < GROUP; r++) {
      assertTrue(cascade[byBase[r]] < lowestRescored, "the rest rank below every rescored one");
      if (r > depth) {
        assertTrue(cascade[byBase[r]] <= cascade[byBase[r - 1]], "the rest keep the base order");
      }
    }
  }

  @Test
  void lambdasEqualThePairByPairDefinitionToTheBit() {
    // groups with tied scores (the stable order decides their ranks), long groups whose pairs
    // below the cutoff are skipped, and groups of one class (no lambdas)
    SplittableRandom random = new SplittableRandom(11);
    int groups = 400;
    int[] starts = new int[groups + 1];
    for (int g = 0; g < groups; g++) {
      starts[g + 1] = starts[g] + 1 + random.nextInt(g % 10 == 0 ? 120 : 30);
    }
    int n = starts[groups];
    int[] labels = new int[n];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(4) == 0 ? 1 : 0;
      scores[i] = random.nextBoolean() ? random.nextInt(3) : random.nextGaussian();
    }
    for (int cutoff : new int[] {1, 5, 10, 1_000}) {
      double[] lambdas = new double[n];
      double[] weights = new double[n];
      double[] expectedLambdas = new double[n];
      double[] expectedWeights = new double[n];
      for (int g = 0; g < groups; g++) {
        LambdaMart.lambdas(labels, scores, starts[g], starts[g + 1], cutoff, lambdas, weights);
        pairByPair(
            labels, scores, starts[g], starts[g + 1], cutoff, expectedLambdas, expectedWeights);
      }
      for (int i = 0; i < n; i++) {
        assertEquals(
            Double.doubleToRawLongBits(expectedLambdas[i]),
            Double.doubleToRawLongBits(lambdas[i]),
            "lambda of row " + i + " at cutoff " + cutoff);
        assertEquals(
            Double.doubleToRawLongBits(expectedWeights[i]),
            Double.doubleToRawLongBits(weights[i]),
            "second derivative of row " + i + " at cutoff " + cutoff);
      }
    }
  }

  /**
   * Burges' lambdas as written: ranks from sorting boxed indices by score, then every (relevant,
   * irrelevant) pair in row order, skipped when both rank at the cutoff or below.
   */
  private static void pairByPair(
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
      for (int j = from; j < to; j++) {
        int ri = rank[i - from];
        int rj = rank[j - from];
        if (labels[i] == 0 || labels[j] != 0 || (ri >= cutoff && rj >= cutoff)) {
          continue;
        }
        double delta =
            Math.abs((ri < cutoff ? discount(ri) : 0) - (rj < cutoff ? discount(rj) : 0)) / ideal;
        double rho = 1 / (1 + Math.exp(scores[i] - scores[j]));
        lambdas[i] += delta * rho;
        lambdas[j] -= delta * rho;
        weights[i] += delta * rho * (1 - rho);
        weights[j] += delta * rho * (1 - rho);
      }
    }
  }

  private static double discount(int rank) {
    return 1 / (Math.log(rank + 2) / Math.log(2));
  }
}
