package io.fanshelf.training.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class FullRankingTest {
  // popularity order of a 10-product catalog: 9, 8, 7, ..., 0
  private static final Order POPULAR = Order.byScore(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});

  @Test
  void headThenTailWithoutExcludedOrRepeats() {
    BitSet excluded = new BitSet();
    excluded.set(8);
    excluded.set(2);
    FullRanking ranking = new FullRanking(new int[] {3, 8, 5, 3}, POPULAR, excluded);
    // head 3, 5 (8 excluded, 3 repeated); tail 9, 7, 6, 4, 1, 0 (8, 5, 3, 2 skipped)
    assertArrayEquals(new int[] {3, 5, 9, 7, 6, 4, 1, 0}, ranking.top(20));
    assertArrayEquals(new int[] {3, 5, 9}, ranking.top(3));
  }

  @Test
  void firstRankCountsOnlyWhatIsShownAhead() {
    BitSet excluded = new BitSet();
    excluded.set(8);
    excluded.set(2);
    FullRanking ranking = new FullRanking(new int[] {3, 8, 5}, POPULAR, excluded);
    assertEquals(2, ranking.firstRank(new int[] {5}));
    assertEquals(5, ranking.firstRank(new int[] {6, 0}));
    assertEquals(8, ranking.firstRank(new int[] {0}));
    assertEquals(0, ranking.firstRank(new int[] {8}));
    assertEquals(1, ranking.firstRank(new int[] {0, 3}));
  }

  @Test
  void firstRankAgreesWithTheMaterialisedList() {
    BitSet excluded = new BitSet();
    excluded.set(1);
    Order random = Order.random(10, new java.util.SplittableRandom(7)).rotate(3);
    FullRanking ranking = new FullRanking(new int[] {4, 2}, random, excluded);
    int[] all = ranking.top(10);
    for (int i = 0; i < all.length; i++) {
      assertEquals(i + 1, ranking.firstRank(new int[] {all[i]}), "product " + all[i]);
    }
    assertEquals(9, all.length);
  }
}
