package io.fanshelf.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.training.dataset.Dataset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The blend finds a planted mix of scores: a row is relevant when {@code als + item_cf} is large
 * (either alone ranks worse), while a third score is noise and gets no weight.
 */
class BlendTest {
  /** Groups of 30 rows; relevant where ALS plus item-CF (each uniform on 0..1) exceeds 1.5. */
  static Dataset planted(int groups, long seed) {
    Random random = new Random(seed);
    int n = groups * 30;
    float[][] x = new float[n][Feature.count()];
    int[] y = new int[n];
    int[] group = new int[n];
    List<String> fans = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      x[i][Feature.ALS_SCORE.slot()] = random.nextFloat();
      x[i][Feature.ITEM_CF_SCORE.slot()] = 10 * random.nextFloat();
      x[i][Feature.CO_VISIT.slot()] = random.nextFloat();
      double mix = x[i][Feature.ALS_SCORE.slot()] + x[i][Feature.ITEM_CF_SCORE.slot()] / 10;
      y[i] = mix > 1.5 ? 1 : 0;
      group[i] = i / 30;
      if (i % 30 == 0) {
        fans.add("f" + i / 30);
      }
    }
    return new Dataset(x, y, group, fans, Instant.EPOCH, "planted", 1, 1);
  }

  @Test
  void findsThePlantedMixAndLeavesNoiseOut() {
    Dataset data = planted(200, 7);
    Blend.Fitted fitted =
        Blend.fit(
            "blend",
            Feature.ALS_SCORE,
            List.of(Feature.ITEM_CF_SCORE, Feature.CO_VISIT),
            Arrays.asList(data.features()),
            ranker -> LambdaMartTest.ndcg(data, ranker));
    double alone = fitted.steps().getFirst().validationNdcg();
    double[] weights = fitted.ranker().weights();
    assertEquals(1.0, weights[Feature.ALS_SCORE.slot()]);
    // standardised, the two planted scores count alike
    assertEquals(1.0, weights[Feature.ITEM_CF_SCORE.slot()], 0.5);
    assertTrue(
        Math.abs(weights[Feature.CO_VISIT.slot()]) <= 0.2,
        "noise gets little or no weight: " + weights[Feature.CO_VISIT.slot()]);
    assertTrue(
        fitted.validationNdcg() > alone * 1.2,
        "blend " + fitted.validationNdcg() + " against ALS alone " + alone);
    assertEquals(
        fitted.validationNdcg(), LambdaMartTest.ndcg(data, fitted.ranker()), 1e-12, "reproducible");
    int tried = 1 + Blend.ROUNDS * 2 * (Blend.GRID.size() - 1);
    assertTrue(fitted.steps().size() <= tried, "every blend tried is reported once");
  }

  @Test
  void theFirstScoreCannotAlsoBeAnother() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Blend.fit(
                "blend", Feature.ALS_SCORE, List.of(Feature.ALS_SCORE), List.of(), ranker -> 0));
  }
}
