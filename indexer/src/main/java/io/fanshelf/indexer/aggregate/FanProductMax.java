package io.fanshelf.indexer.aggregate;

import java.io.IOException;

/**
 * The largest positive weight each fan has given each product, so that a product's reach counts a
 * fan once (at their strongest engagement) however often they buy it again. Open addressing over
 * one {@code long} key per pair (fan index in the high half, product index in the low half) with
 * linear probing: 16 bytes a slot, at most 3/4 full, so about 16 to 32 bytes per (fan, product)
 * pair. Values only grow. Not thread-safe: {@link EventAggregates} guards it.
 */
final class FanProductMax {
  // Keys are stored plus one so that 0 marks an empty slot.
  private long[] keys = new long[16];
  private double[] values = new double[16];
  private int size;

  /**
   * Records {@code weight} for the pair and returns how much the pair's largest weight rose: the
   * whole weight for a new pair, the excess over the previous largest, or 0.
   */
  double raise(int fan, int product, double weight) {
    long key = (((long) fan << 32) | (product & 0xffffffffL)) + 1;
    int slot = slotOf(key);
    if (keys[slot] == 0) {
      if ((size + 1) * 4 > keys.length * 3) {
        grow();
        slot = slotOf(key);
      }
      keys[slot] = key;
      values[slot] = weight;
      size++;
      return weight;
    }
    double rise = Math.max(0, weight - values[slot]);
    values[slot] += rise;
    return rise;
  }

  /** Pairs seen. */
  int size() {
    return size;
  }

  private int slotOf(long key) {
    int mask = keys.length - 1;
    int slot = (int) mix(key) & mask;
    while (keys[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    double[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new double[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slotOf(oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  /** A 64-bit finaliser (MurmurHash3's), so consecutive fan and product indexes spread. */
  private static long mix(long key) {
    long h = key;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb93e5c5b4c1bL;
    h ^= h >>> 33;
    return h;
  }

  void write(SnapshotOutput out) throws IOException {
    out.writeInt(size);
    out.writeLongs(keys, keys.length);
    out.writeDoubles(values, values.length);
  }

  /** Fills this empty instance with what {@link #write} wrote: the same table. */
  void read(SnapshotInput in) throws IOException {
    int n = in.readInt();
    long[] readKeys = in.readLongs(0);
    double[] readValues = in.readDoubles(0);
    if (readKeys.length != readValues.length
        || Integer.bitCount(readKeys.length) != 1
        || n < 0
        || n >= readKeys.length) {
      throw new SnapshotRefusedException(
          "corrupt: " + n + " fan-product pairs in " + readKeys.length + " slots");
    }
    keys = readKeys;
    values = readValues;
    size = n;
  }
}
