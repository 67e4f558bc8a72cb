package io.fanshelf.training.collaborative;

import io.fanshelf.recommender.collaborative.ItemIndex;
import io.fanshelf.recommender.collaborative.ItemNeighbourModel;

/** Packs per-product neighbour arrays into an {@link ItemNeighbourModel}. */
final class Neighbours {
  private Neighbours() {}

  static ItemNeighbourModel model(
      String algorithm, ItemIndex items, int[][] targets, float[][] weights) {
    int n = targets.length;
    int[] offsets = new int[n + 1];
    for (int j = 0; j < n; j++) {
      offsets[j + 1] = offsets[j] + targets[j].length;
    }
    int[] flatTargets = new int[offsets[n]];
    float[] flatWeights = new float[offsets[n]];
    for (int j = 0; j < n; j++) {
      System.arraycopy(targets[j], 0, flatTargets, offsets[j], targets[j].length);
      System.arraycopy(weights[j], 0, flatWeights, offsets[j], weights[j].length);
    }
    return new ItemNeighbourModel(algorithm, items, offsets, flatTargets, flatWeights);
  }
}
