package io.fanshelf.indexer.aggregate;

import java.io.IOException;

/**
 * A map from non-negative int keys to double values, open addressing with linear probing; 14 to 28
 * bytes per entry (it grows at 7/8 full, and small maps dominate the heap, so memory wins over
 * probe length) instead of about 60 for a {@code HashMap<Integer, Double>}. {@link #forScores}
 * makes one that grows at half full instead: a request's scores summed over tens of thousands of
 * adds live for one request, where probes cost more than memory (at 7/8 full a miss probes about 32
 * slots on average, at 1/2 about 2.5). Values are only ever added to, never removed. Public for
 * callers that sum scores per key on a hot path (features and candidate scores per catalog
 * ordinal). Not thread-safe: {@link EventAggregates} guards each of its own instances.
 */
public final class IntDoubleMap {
  /** Receives one entry. */
  @FunctionalInterface
  public interface EntryVisitor {
    void accept(int key, double value);
  }

  // Keys are stored plus one so that 0 marks an empty slot without a separate bitmap.
  private int[] keys;
  private double[] values;
  private int size;
  // grows when more than this many eighths of the slots would be full
  private final int maxLoadEighths;

  public IntDoubleMap() {
    this(4, 7);
  }

  private IntDoubleMap(int slots, int maxLoadEighths) {
    keys = new int[slots];
    values = new double[slots];
    this.maxLoadEighths = maxLoadEighths;
  }

  /** An empty map for one request's scores: grows at half full, starts at 256 slots. */
  public static IntDoubleMap forScores() {
    return new IntDoubleMap(256, 4);
  }

  public int size() {
    return size;
  }

  /** The value of {@code key}, 0 when absent. */
  public double get(int key) {
    int slot = slotOf(key);
    return keys[slot] == 0 ? 0 : values[slot];
  }

  /** Adds {@code delta} to the value of {@code key}, creating the entry at 0 first. */
  public double add(int key, double delta) {
    if (key < 0) {
      throw new IllegalArgumentException("key must be >= 0, got " + key);
    }
    int slot = slotOf(key);
    if (keys[slot] == 0) {
      if ((size + 1) * 8 > keys.length * maxLoadEighths) {
        grow();
        slot = slotOf(key);
      }
      keys[slot] = key + 1;
      size++;
    }
    values[slot] += delta;
    return values[slot];
  }

  /** Multiplies every value by {@code factor}. */
  void scale(double factor) {
    for (int i = 0; i < values.length; i++) {
      values[i] *= factor;
    }
  }

  /** Visits every entry, in no particular order. */
  public void forEach(EntryVisitor visitor) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        visitor.accept(keys[i] - 1, values[i]);
      }
    }
  }

  private int slotOf(int key) {
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (keys[slot] != 0 && keys[slot] != key + 1) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static int mix(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private void grow() {
    int[] oldKeys = keys;
    double[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new double[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slotOf(oldKeys[i] - 1);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  void write(SnapshotOutput out) throws IOException {
    out.writeInt(size);
    out.writeInts(keys, keys.length);
    out.writeDoubles(values, values.length);
  }

  /** A map as {@link #write} wrote it; its table is taken as is (same slots, same order). */
  static IntDoubleMap read(SnapshotInput in) throws IOException {
    IntDoubleMap map = new IntDoubleMap();
    int size = in.readInt();
    int[] keys = in.readInts(0);
    double[] values = in.readDoubles(0);
    if (keys.length != values.length
        || Integer.bitCount(keys.length) != 1
        || size < 0
        || size >= keys.length) {
      throw new SnapshotRefusedException(
          "corrupt: a map of " + size + " entries in " + keys.length + " slots");
    }
    map.keys = keys;
    map.values = values;
    map.size = size;
    return map;
  }
}
