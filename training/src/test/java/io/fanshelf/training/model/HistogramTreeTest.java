package io.fanshelf.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HistogramTreeTest {
  @Test
  void aLeafOfPairsAlreadyOrderedStepsAtMostTheCapNotTheNewtonStep() {
    // 100 rows whose lambdas all push up while their second derivatives have vanished, as for
    // relevant products the scores rank far below: Newton's step would be 100 / (0.001 + 1)
    int n = 100;
    float[][] features = new float[n][1];
    double[] gradients = new double[n];
    double[] hessians = new double[n];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      gradients[i] = 1;
      hessians[i] = 1e-5;
      order[i] = i;
    }
    HistogramTree.Grown tree =
        HistogramTree.grow(
            new HistogramTree.Bins(features, 1), gradients, hessians, order, n, 2, 10, 0.1);
    assertEquals(1, tree.value().length, "one leaf: the feature never varies");
    assertEquals(0.1 * HistogramTree.MAX_STEP, tree.value()[0], 1e-12);
  }

  @Test
  void everyLeafHoldsTheNewtonStepOfTheRowsItRoutesThoughSiblingsAreSubtracted() {
    // big enough that the root's features are summed in parallel, and the larger child of every
    // split gets its histogram by subtraction
    int n = 20_000;
    int features = 12;
    SplittableRandom random = new SplittableRandom(7);
    float[][] data = new float[n][features];
    double[] gradients = new double[n];
    double[] hessians = new double[n];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < features; f++) {
        data[i][f] = f % 3 == 0 ? random.nextInt(4) : (float) random.nextGaussian();
      }
      gradients[i] = data[i][1] - 0.5 * data[i][3] + 0.3 * random.nextGaussian();
      hessians[i] = 0.1 + random.nextDouble();
    }
    HistogramTree.Bins bins = new HistogramTree.Bins(data, features);
    HistogramTree.Grown tree = grow(bins, gradients, hessians, n);
    int leaves = 0;
    for (int node = 0; node < tree.feature().length; node++) {
      if (tree.feature()[node] >= 0) {
        continue;
      }
      leaves++;
      double g = 0;
      double h = 0;
      int rows = 0;
      for (int i = 0; i < n; i++) {
        if (leafOf(tree, data[i]) == node) {
          g += gradients[i];
          h += hessians[i];
          rows++;
        }
      }
      assertTrue(rows >= 50, "leaf " + node + " has " + rows + " rows, fewer than the minimum");
      double newton = Math.clamp(g / (h + HistogramTree.L2), -1, 1) * 0.1;
      assertEquals(newton, tree.value()[node], 1e-9, "leaf " + node);
    }
    assertEquals(16, leaves, "the planted signal is worth every leaf allowed");
    HistogramTree.Grown again = grow(bins, gradients, hessians, n);
    assertArrayEquals(tree.feature(), again.feature(), "the same tree whatever the threads did");
    assertArrayEquals(tree.value(), again.value(), 0.0);
  }

  private static HistogramTree.Grown grow(
      HistogramTree.Bins bins, double[] gradients, double[] hessians, int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return HistogramTree.grow(bins, gradients, hessians, order, n, 16, 50, 0.1);
  }

  private static int leafOf(HistogramTree.Grown tree, float[] row) {
    int node = 0;
    while (tree.feature()[node] >= 0) {
      node =
          row[tree.feature()[node]] <= tree.threshold()[node]
              ? tree.left()[node]
              : tree.right()[node];
    }
    return node;
  }

  @Test
  void aNodesHistogramEqualsEachBinsSumInRowOrderToTheBit() {
    // 19 features: two full blocks and a narrower one, with constant features left out of them;
    // large enough to be summed in parallel
    int n = 30_000;
    int features = 19;
    SplittableRandom random = new SplittableRandom(13);
    float[][] data = new float[n][features];
    double[] gradients = new double[n];
    double[] hessians = new double[n];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < features; f++) {
        data[i][f] =
            switch (f % 4) {
              case 0 -> random.nextInt(2);
              case 1 -> f == 5 ? 3 : random.nextInt(9);
              default -> (float) random.nextGaussian();
            };
      }
      gradients[i] = random.nextGaussian() * Math.pow(10, random.nextInt(-6, 6));
      hessians[i] = random.nextDouble() * Math.pow(10, random.nextInt(-6, 3));
    }
    HistogramTree.Bins bins = new HistogramTree.Bins(data, features);
    // a node: a shuffled selection of the rows, as a split's partition leaves them
    int[] order = new int[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (random.nextInt(3) > 0) {
        order[size++] = i;
      }
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int from = 1_000;
    int to = size - 500;
    HistogramTree.Histogram sums =
        HistogramTree.Histogram.of(bins, gradients, hessians, order, from, to);
    for (int f = 0; f < features; f++) {
      int bucketCount = bins.upper[f].length;
      for (int b = 0; b < bucketCount; b++) {
        double g = 0;
        double h = 0;
        int rows = 0;
        for (int i = from; i < to; i++) {
          if (bucketCount >= 2 && (bins.bin[f][order[i]] & 0xff) == b) {
            g += gradients[order[i]];
            h += hessians[order[i]];
            rows++;
          }
        }
        int slot = f * HistogramTree.MAX_BINS + b;
        String where = "feature " + f + ", bin " + b;
        assertEquals(
            Double.doubleToRawLongBits(g), Double.doubleToRawLongBits(sums.gradient[slot]), where);
        assertEquals(
            Double.doubleToRawLongBits(h), Double.doubleToRawLongBits(sums.hessian[slot]), where);
        assertEquals(rows, sums.rows[slot], where);
      }
    }
  }
}
