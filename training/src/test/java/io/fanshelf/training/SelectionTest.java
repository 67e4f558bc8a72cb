package io.fanshelf.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionTest {
  private static double[] around(double mean, double spread, int n, long seed) {
    java.util.Random random = new java.util.Random(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = mean + spread * random.nextGaussian();
    }
    return values;
  }

  @Test
  void aComplexRankingMustBeatASimpleOneByMoreThanTheNoise() {
    // learned is ahead by 0.0375 on four fans, with a standard error of the gap of about 0.085
    Map<String, double[]> few = new LinkedHashMap<>();
    few.put("popularity", new double[] {0.3, 0.5, 0.1, 0.4});
    few.put("learned", new double[] {0.5, 0.3, 0.2, 0.45});
    assertEquals("learned", Selection.best(few));
    assertEquals("popularity", Selection.simplestWithinOneError(few), "within the noise");

    Map<String, double[]> many = new LinkedHashMap<>();
    many.put("popularity", around(0.30, 0.2, 20_000, 1));
    many.put("learned", around(0.33, 0.2, 20_000, 2));
    assertEquals("learned", Selection.simplestWithinOneError(many), "20,000 fans: a real gain");
    assertEquals("learned", Selection.best(many));
    assertEquals(0.0, Selection.errorToBest(many, "learned"));
  }

  @Test
  void theSimplestOfEqualRankingsWins() {
    Map<String, double[]> same = new LinkedHashMap<>();
    same.put("popularity", new double[] {0.1, 0.2, 0.3});
    same.put("ials", new double[] {0.1, 0.2, 0.3});
    assertEquals("popularity", Selection.simplestWithinOneError(same));
  }
}
