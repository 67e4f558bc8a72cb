package io.fanshelf.recommender.collaborative;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FeedbackPolicy;
import java.util.Arrays;

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
    // (row, position) packed in one long each and sorted: rows ascending, and each row's weights
    // summed in the events' order, without a boxed map per request
    long[] keys = new long[16];
    double[] eventWeights = new double[16];
    int count = 0;
    for (Event event : events) {
      double weight = policy.weight(event);
      if (weight > 0) {
        int row = items.row(event.product());
        if (row >= 0) {
          if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            eventWeights = Arrays.copyOf(eventWeights, count * 2);
          }
          keys[count] = ((long) row << 32) | count;
          eventWeights[count++] = weight;
        }
      }
    }
    Arrays.sort(keys, 0, count);
    int[] rows = new int[count];
    float[] weights = new float[count];
    int n = -1;
    double sum = 0;
    for (int i = 0; i < count; i++) {
      int row = (int) (keys[i] >>> 32);
      if (n < 0 || rows[n] != row) {
        if (n >= 0) {
          weights[n] = (float) Math.min(1.0, sum);
        }
        rows[++n] = row;
        sum = 0;
      }
      sum += eventWeights[(int) keys[i]];
    }
    if (n >= 0) {
      weights[n] = (float) Math.min(1.0, sum);
    }
    return new FanItems(Arrays.copyOf(rows, n + 1), Arrays.copyOf(weights, n + 1));
  }

  /** Whether {@code row} is among the fan's rows. */
  public boolean contains(int row) {
    return Arrays.binarySearch(rows, row) >= 0;
  }
}
