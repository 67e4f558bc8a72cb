package io.fanshelf.recommender.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {
  /** Values with many ties, both zeros, infinities and a NaN: what a comparator sort must order. */
  private static double[] values(int n, SplittableRandom random) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] =
          switch (random.nextInt(8)) {
            case 0 -> random.nextInt(4); // ties
            case 1 -> -0.0;
            case 2 -> 0.0;
            case 3 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 4 -> i == n / 2 ? Double.NaN : -random.nextDouble();
            default -> random.nextDouble() * 10 - 5;
          };
    }
    return values;
  }

  /** Every index ordered by Double.compare descending, ties by the smaller key: a boxed sort. */
  private static int[] reference(double[] values, int[] keys) {
    return IntStream.range(0, values.length)
        .boxed()
        .sorted(
            Comparator.<Integer>comparingDouble(i -> values[i])
                .reversed()
                .thenComparingInt(i -> keys[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  @Test
  void theHeapsBestAreTheLargestInTheOrderOfASortTiesToTheSmallerIndex() {
    SplittableRandom random = new SplittableRandom(3);
    for (int n : new int[] {0, 1, 2, 7, 64, 1_000, 4_099}) {
      double[] values = values(n, random);
      int[] identity = IntStream.range(0, n).toArray();
      int[] sorted = reference(values, identity);
      for (int k : new int[] {1, 3, 10, 200, n}) {
        int[] expected = Arrays.copyOf(sorted, Math.min(k, n));
        assertArrayEquals(expected, TopK.indices(values, k), "n " + n + ", k " + k);
      }
    }
  }

  @Test
  void theHeapKeepsTheBestOfIndicesOfferedInAnyOrder() {
    SplittableRandom random = new SplittableRandom(8);
    double[] values = values(3_000, random);
    int[] offered = IntStream.range(0, values.length).toArray();
    for (int i = offered.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = offered[i];
      offered[i] = offered[j];
      offered[j] = t;
    }
    TopK.Heap heap = new TopK.Heap(150);
    for (int i : offered) {
      heap.offer(i, values[i]);
    }
    int[] expected = Arrays.copyOf(reference(values, IntStream.range(0, 3_000).toArray()), 150);
    assertArrayEquals(expected, heap.best());
  }

  @Test
  void orderSortsEveryIndexByValueThenByItsKey() {
    SplittableRandom random = new SplittableRandom(11);
    for (int n : new int[] {0, 1, 2, 3, 17, 1_036, 5_000}) {
      double[] values = values(n, random);
      // distinct keys in shuffled order, so that ties are not broken by the index
      int[] keys = IntStream.range(0, n).map(i -> (int) ((i * 7919L) % 100_003)).toArray();
      assertArrayEquals(reference(values, keys), TopK.order(values, keys), "n " + n);
    }
    assertEquals(0, TopK.order(new double[0], new int[0]).length);
    assertThrows(IllegalArgumentException.class, () -> TopK.order(new double[2], new int[1]));
  }

  @Test
  void theFirstKOfAnOrderAreTheFirstKOfTheWholeOrder() {
    SplittableRandom random = new SplittableRandom(13);
    for (int n : new int[] {0, 1, 5, 300, 2_000}) {
      double[] values = values(n, random);
      int[] keys = IntStream.range(0, n).map(i -> (int) ((i * 7919L) % 100_003)).toArray();
      int[] whole = TopK.order(values, keys);
      for (int k : new int[] {1, 20, 80, n, n + 5}) {
        assertArrayEquals(
            Arrays.copyOf(whole, Math.min(k, n)),
            TopK.order(values, keys, k),
            "n " + n + ", k " + k);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> TopK.order(new double[2], new int[1], 1));
  }
}
