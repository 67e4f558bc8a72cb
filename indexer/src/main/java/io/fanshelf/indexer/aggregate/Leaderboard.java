package io.fanshelf.indexer.aggregate;

import java.io.IOException;
import java.util.Arrays;

/**
 * The exact top {@code capacity} items by score, for scores that only grow (or are all multiplied
 * by one positive factor). Because a score never falls, an item outside the board can only enter by
 * passing the board's lowest score, and the lowest score never falls either; so checking each
 * update against the board keeps it exact without ever scanning all items. Reading the top k is
 * O(k); an update is O(capacity) at worst. Not thread-safe: {@link EventAggregates} guards it.
 */
final class Leaderboard {
  private final int capacity;
  private int[] items = new int[8];
  private double[] scores = new double[8];
  private int size;

  Leaderboard(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Records that {@code item}'s score is now {@code score}, not lower than before. */
  void update(int item, double score) {
    if (size == capacity && score <= scores[size - 1]) {
      return;
    }
    int position = indexOf(item);
    if (position < 0) {
      if (size == capacity) {
        position = size - 1;
      } else {
        ensureRoom();
        position = size++;
      }
      items[position] = item;
    }
    while (position > 0 && scores[position - 1] < score) {
      items[position] = items[position - 1];
      scores[position] = scores[position - 1];
      position--;
    }
    items[position] = item;
    scores[position] = score;
  }

  int size() {
    return size;
  }

  /** The item at rank {@code rank}, 0 being the best. */
  int item(int rank) {
    return items[rank];
  }

  double score(int rank) {
    return scores[rank];
  }

  /** The best {@code k} items (fewer when the board holds fewer), scores multiplied by factor. */
  KeyedScores top(int k, double factor) {
    int n = Math.min(k, size);
    double[] scaled = new double[n];
    for (int i = 0; i < n; i++) {
      scaled[i] = scores[i] * factor;
    }
    return new KeyedScores(Arrays.copyOf(items, n), scaled);
  }

  void scale(double factor) {
    for (int i = 0; i < size; i++) {
      scores[i] *= factor;
    }
  }

  private int indexOf(int item) {
    for (int i = 0; i < size; i++) {
      if (items[i] == item) {
        return i;
      }
    }
    return -1;
  }

  private void ensureRoom() {
    if (size == items.length) {
      int length = Math.min(capacity, items.length * 2);
      items = Arrays.copyOf(items, length);
      scores = Arrays.copyOf(scores, length);
    }
  }

  void write(SnapshotOutput out) throws IOException {
    out.writeInt(size);
    out.writeInts(items, size);
    out.writeDoubles(scores, size);
  }

  /** Fills this empty board with what {@link #write} wrote. */
  void read(SnapshotInput in) throws IOException {
    int n = in.readInt();
    int[] readItems = in.readInts(1);
    double[] readScores = in.readDoubles(1);
    if (n < 0
        || n > capacity
        || readItems.length != Math.max(n, 1)
        || readScores.length != readItems.length) {
      throw new SnapshotRefusedException("corrupt: a leaderboard of " + n + " items");
    }
    items = readItems;
    scores = readScores;
    size = n;
  }
}
