package io.fanshelf.training.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final double EPS = 1e-9;

  // relevant items at ranks 1 and 3; the fan has 3 relevant items in all
  private static final boolean[] HITS = {
    true, false, true, false, false, false, false, false, false, false
  };

  @Test
  void ndcgAgainstHandComputedValue() {
    // DCG = 1/log2(2) + 1/log2(4) = 1 + 0.5 = 1.5
    // IDCG (3 relevant) = 1 + 1/log2(3) + 1/log2(4) = 1 + 0.6309297535714575 + 0.5
    double expected = 1.5 / (1 + 0.6309297535714575 + 0.5);
    assertEquals(expected, Metrics.ndcg(HITS, 10, 3), EPS);
    assertEquals(0.7039180890341348, Metrics.ndcg(HITS, 10, 3), 1e-12);
  }

  @Test
  void ndcgIdealIsCutAtK() {
    boolean[] allHits = {true, true};
    assertEquals(1.0, Metrics.ndcg(allHits, 2, 5), EPS); // ideal has only 2 slots
    assertEquals(0.0, Metrics.ndcg(new boolean[10], 10, 2), EPS);
    assertEquals(0.0, Metrics.ndcg(HITS, 10, 0), EPS);
  }

  @Test
  void recallPrecisionHitRate() {
    assertEquals(2.0 / 3, Metrics.recall(HITS, 10, 3), EPS);
    assertEquals(1.0 / 3, Metrics.recall(HITS, 2, 3), EPS);
    assertEquals(0.2, Metrics.precision(HITS, 10), EPS);
    assertEquals(1.0, Metrics.hitRate(HITS, 10), EPS);
    assertEquals(0.0, Metrics.hitRate(new boolean[] {false, false}, 2), EPS);
  }

  @Test
  void reciprocalRank() {
    assertEquals(1.0, Metrics.reciprocalRank(1), EPS);
    assertEquals(0.25, Metrics.reciprocalRank(4), EPS);
    assertEquals(0.0, Metrics.reciprocalRank(0), EPS);
  }
}
