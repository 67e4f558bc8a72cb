package io.fanshelf.recommender.collaborative;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FeedbackPolicy;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * A fan's positive history as a collaborative model reads it: the model's rows of the products and
 * the weight of each (the feedback policy's weight, summed and capped at 1). Immutable.
 *
 * @param rows distinct rows, ascending
 * @param weights one per row, in (0, 1]
 */
public record FanItems(int[] rows, float[] weights) {
  public static final FanItems EMPTY = new FanItems(new int[0], new float[0]);

  public FanItems {
    if (rows.length != weights.length) {
      throw new IllegalArgumentException("rows and weights differ in length");
    }
  }

  public int size() {
    return rows.length;
  }

  public boolean isEmpty() {
    return rows.length == 0;
  }

  /**
   * The positive events among {@code events} as rows of {@code items}: each product's weights
   * summed and capped at 1; products the model does not know are left out.
   */
  public static FanItems of(Iterable<Event> events, FeedbackPolicy policy, ItemIndex items) {
    TreeMap<Integer, Double> byRow = new TreeMap<>();
    for (Event event : events) {
      double weight = policy.weight(event);
      if (weight > 0) {
        int row = items.row(event.product());
        if (row >= 0) {
          byRow.merge(row, weight, Double::sum);
        }
      }
    }
    int[] rows = new int[byRow.size()];
    float[] weights = new float[byRow.size()];
    int n = 0;
    for (var entry : byRow.entrySet()) {
      rows[n] = entry.getKey();
      weights[n++] = (float) Math.min(1.0, entry.getValue());
    }
    return new FanItems(rows, weights);
  }

  /** Whether {@code row} is among the fan's rows. */
  public boolean contains(int row) {
    return Arrays.binarySearch(rows, row) >= 0;
  }
}
