package io.fanshelf.training.eval;

/**
 * A total order of the whole catalog (product ordinals), used after a model's own list ends.
 * Implementations are immutable and thread-safe.
 */
public interface Order {
  int size();

  /** The ordinal at a 0-based position. */
  int at(int position);

  /** The 0-based position of an ordinal. */
  int position(int ordinal);

  /** Ordinals sorted by a score, highest first, ties by ordinal. */
  static Order byScore(double[] score) {
    Integer[] boxed = new Integer[score.length];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = i;
    }
    java.util.Arrays.sort(
        boxed,
        (a, b) -> {
          int c = Double.compare(score[b], score[a]);
          return c != 0 ? c : Integer.compare(a, b);
        });
    int[] order = new int[boxed.length];
    int[] positions = new int[boxed.length];
    for (int p = 0; p < order.length; p++) {
      order[p] = boxed[p];
      positions[boxed[p]] = p;
    }
    return new Order() {
      @Override
      public int size() {
        return order.length;
      }

      @Override
      public int at(int position) {
        return order[position];
      }

      @Override
      public int position(int ordinal) {
        return positions[ordinal];
      }
    };
  }

  /**
   * A seeded random permutation of the catalog, read from a per-fan offset: every fan gets a
   * uniformly placed random list without a shuffle per fan.
   */
  static Order random(int size, java.util.SplittableRandom random) {
    int[] perm = new int[size];
    for (int i = 0; i < size; i++) {
      perm[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] positions = new int[size];
    for (int p = 0; p < size; p++) {
      positions[perm[p]] = p;
    }
    return rotated(perm, positions, 0);
  }

  /** This order started at {@code offset} and wrapped around. */
  default Order rotate(int offset) {
    Order base = this;
    int n = size();
    int shift = n == 0 ? 0 : Math.floorMod(offset, n);
    return new Order() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public int at(int position) {
        return base.at((position + shift) % n);
      }

      @Override
      public int position(int ordinal) {
        return Math.floorMod(base.position(ordinal) - shift, n);
      }
    };
  }

  private static Order rotated(int[] perm, int[] positions, int offset) {
    return new Order() {
      @Override
      public int size() {
        return perm.length;
      }

      @Override
      public int at(int position) {
        return perm[position];
      }

      @Override
      public int position(int ordinal) {
        return positions[ordinal];
      }
    }.rotate(offset);
  }
}
