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
}
