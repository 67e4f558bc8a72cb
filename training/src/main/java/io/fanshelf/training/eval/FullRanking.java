package io.fanshelf.training.eval;

import java.util.BitSet;

/**
 * A model's ranking of the whole catalog: its own list ({@code head}, best first), then every other
 * product in the {@code tail} order; excluded products (those the fan interacted with before) are
 * left out everywhere. Computes the top of the list and the rank of the first relevant product
 * without materialising the whole ranking. Immutable.
 */
public final class FullRanking {
  private final int[] head;
  private final Order tail;
  private final BitSet excluded;

  public FullRanking(int[] head, Order tail, BitSet excluded) {
    this.tail = tail;
    this.excluded = excluded;
    BitSet seen = new BitSet();
    int[] kept = new int[head.length];
    int n = 0;
    for (int ordinal : head) {
      if (!excluded.get(ordinal) && !seen.get(ordinal)) {
        seen.set(ordinal);
        kept[n++] = ordinal;
      }
    }
    this.head = java.util.Arrays.copyOf(kept, n);
  }

  /** The first {@code k} ordinals of the ranking (fewer when the catalog is smaller). */
  public int[] top(int k) {
    int[] top = new int[k];
    int n = 0;
    BitSet inHead = new BitSet();
    for (int ordinal : head) {
      inHead.set(ordinal);
      if (n < k) {
        top[n++] = ordinal;
      }
    }
    for (int p = 0; p < tail.size() && n < k; p++) {
      int ordinal = tail.at(p);
      if (!inHead.get(ordinal) && !excluded.get(ordinal)) {
        top[n++] = ordinal;
      }
    }
    return java.util.Arrays.copyOf(top, n);
  }

  /** The 1-based rank of the best-ranked relevant ordinal; 0 when none can be ranked. */
  public long firstRank(int[] relevant) {
    long best = Long.MAX_VALUE;
    BitSet inHead = new BitSet();
    for (int i = 0; i < head.length; i++) {
      inHead.set(head[i]);
    }
    for (int r : relevant) {
      if (excluded.get(r)) {
        continue;
      }
      long rank;
      if (inHead.get(r)) {
        rank = indexOf(r) + 1;
      } else {
        int position = tail.position(r);
        int before = 0; // head or excluded products ahead of r in the tail order
        for (int h : head) {
          if (tail.position(h) < position) {
            before++;
          }
        }
        for (int x = excluded.nextSetBit(0); x >= 0; x = excluded.nextSetBit(x + 1)) {
          if (!inHead.get(x) && tail.position(x) < position) {
            before++;
          }
        }
        rank = head.length + (position - before) + 1L;
      }
      best = Math.min(best, rank);
    }
    return best == Long.MAX_VALUE ? 0 : best;
  }

  private int indexOf(int ordinal) {
    for (int i = 0; i < head.length; i++) {
      if (head[i] == ordinal) {
        return i;
      }
    }
    throw new IllegalStateException("not in head: " + ordinal);
  }
}
