package io.fanshelf.recommender.collaborative;

import io.fanshelf.indexer.model.FanId;
import java.util.Objects;

/**
 * An item-to-item model as sparse weights: for each product the products it points to and how
 * strongly, so that a fan's score for product {@code i} is {@code sum over the fan's products j of
 * weight(j, i)}. EASE (Steck 2019, pruned to the largest weights per row), cosine item-kNN with
 * shrinkage and RP3beta (Paudel et al. 2016) all take this shape. Immutable and thread-safe.
 */
public final class ItemNeighbourModel implements CollaborativeModel {
  private final String algorithm;
  private final ItemIndex items;
  private final int[] offsets;
  private final int[] targets;
  private final float[] weights;

  /**
   * @param algorithm how the weights were fitted, e.g. {@code ease}
   * @param offsets row {@code j}'s neighbours are {@code targets[offsets[j] .. offsets[j + 1])}
   */
  public ItemNeighbourModel(
      String algorithm, ItemIndex items, int[] offsets, int[] targets, float[] weights) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.items = Objects.requireNonNull(items, "items");
    if (offsets.length != items.size() + 1
        || targets.length != weights.length
        || offsets[offsets.length - 1] != targets.length) {
      throw new IllegalArgumentException("inconsistent neighbour lists");
    }
    for (int target : targets) {
      if (target < 0 || target >= items.size()) {
        throw new IllegalArgumentException("neighbour row " + target + " out of range");
      }
    }
    this.offsets = offsets;
    this.targets = targets;
    this.weights = weights;
  }

  @Override
  public void scores(FanId fan, FanItems history, ScoreSink sink) {
    scores(history, sink);
  }

  /** Adds {@code weight(j) * weight(j, i)} to {@code sink} for every neighbour i of the fan's j. */
  public void scores(FanItems fan, ScoreSink sink) {
    int[] rows = fan.rows();
    float[] fanWeights = fan.weights();
    for (int n = 0; n < rows.length; n++) {
      int row = rows[n];
      float c = fanWeights[n];
      for (int e = offsets[row]; e < offsets[row + 1]; e++) {
        sink.add(targets[e], c * weights[e]);
      }
    }
  }

  /** The weight from product {@code from} to product {@code to}, 0 when not kept. */
  public float weight(int from, int to) {
    for (int e = offsets[from]; e < offsets[from + 1]; e++) {
      if (targets[e] == to) {
        return weights[e];
      }
    }
    return 0;
  }

  @Override
  public String algorithm() {
    return algorithm;
  }

  @Override
  public ItemIndex items() {
    return items;
  }

  public int[] offsets() {
    return offsets;
  }

  public int[] targets() {
    return targets;
  }

  public float[] weights() {
    return weights;
  }

  /** How many weights are kept. */
  public int size() {
    return targets.length;
  }
}
