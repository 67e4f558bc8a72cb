package io.fanshelf.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
