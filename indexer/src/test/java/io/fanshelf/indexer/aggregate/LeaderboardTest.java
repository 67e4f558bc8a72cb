package io.fanshelf.indexer.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeaderboardTest {

  @Test
  void staysTheExactTopUnderGrowingScores() {
    Random random = new Random(7);
    Leaderboard board = new Leaderboard(10);
    double[] scores = new double[200];
    for (int step = 0; step < 5_000; step++) {
      int item = (int) Math.min(199, Math.abs(random.nextGaussian() * 60));
      scores[item] += random.nextDouble();
      board.update(item, scores[item]);
      if (step % 500 == 499) {
        board.scale(0.5);
        for (int i = 0; i < scores.length; i++) {
          scores[i] *= 0.5;
        }
      }
      double[] sorted = scores.clone();
      Arrays.sort(sorted);
      int expectedSize = (int) Math.min(10, Arrays.stream(scores).filter(s -> s > 0).count());
      assertEquals(expectedSize, board.size());
      for (int rank = 0; rank < board.size(); rank++) {
        assertEquals(sorted[sorted.length - 1 - rank], board.score(rank), "rank " + rank);
        assertEquals(scores[board.item(rank)], board.score(rank), "item at rank " + rank);
      }
    }
  }

  @Test
  void topReturnsAtMostKScaled() {
    Leaderboard board = new Leaderboard(3);
    board.update(4, 1);
    board.update(5, 3);
    KeyedScores best = board.top(1, 0.5);
    assertArrayEquals(new int[] {5}, best.keys());
    assertArrayEquals(new double[] {1.5}, best.scores());
    assertEquals(2, board.top(10, 1).size());
  }
}
