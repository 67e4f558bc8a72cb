package io.fanshelf.recommender.collaborative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FanNeighbourModelTest {
  private static final int PRODUCTS = 300;
  private static final int FANS = 400;

  /** Fans with 5-30 products each, drawn from two overlapping halves of the catalog. */
  private static FanNeighbourModel model(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<FanId> fans = new ArrayList<>();
    int[] offsets = new int[FANS + 1];
    List<Integer> items = new ArrayList<>();
    for (int v = 0; v < FANS; v++) {
      fans.add(new FanId("f" + v));
      int first = v % 2 == 0 ? 0 : PRODUCTS / 3;
      random
          .ints(5 + random.nextInt(26), first, first + 2 * PRODUCTS / 3)
          .distinct()
          .sorted()
          .forEach(items::add);
      offsets[v + 1] = items.size();
    }
    ItemIndex index =
        new ItemIndex(IntStream.range(0, PRODUCTS).mapToObj(p -> ProductId.of("p" + p)).toList());
    return new FanNeighbourModel(
        index, fans, offsets, items.stream().mapToInt(i -> i).toArray(), 20, 5, 50);
  }

  private static Map<Integer, Double> scores(FanNeighbourModel model, String fan, int[] rows) {
    float[] weights = new float[rows.length];
    java.util.Arrays.fill(weights, 1f);
    Map<Integer, Double> sums = new TreeMap<>();
    model.scores(
        new FanId(fan), new FanItems(rows, weights), (row, s) -> sums.merge(row, s, Double::sum));
    return sums;
  }

  @Test
  void aFanScoresTheSameWhateverWasScoredBefore() {
    FanNeighbourModel model = model(3);
    int[] mine = {1, 7, 40, 120, 150};
    Map<Integer, Double> first = scores(model, "f0", mine);
    assertTrue(first.size() > 10, "neighbours vote for products: " + first.size());
    // other fans in between, each leaving its overlaps in the reused array until it is zeroed
    scores(model, "f1", new int[] {100, 101, 102, 250, 299});
    scores(model, "new-fan", IntStream.range(0, 200).toArray());
    assertEquals(first, scores(model, "f0", mine));
    assertEquals(first, scores(model(3), "f0", mine), "as a model that never scored anyone");
  }
}
