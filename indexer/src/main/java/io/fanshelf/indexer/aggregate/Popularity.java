package io.fanshelf.indexer.aggregate;

import java.io.IOException;
import java.util.Arrays;

/**
 * Forward-decayed popularity per product: a long-half-life score (globally and among each owner's
 * fans), a short-half-life score for the trend, the undecayed total weight, and the reach: each fan
 * counted once, at the largest weight they gave the product (with its own leaderboard: what the
 * most fans have bought, however long ago; a household's tenth carton of milk does not count ten
 * times). Decayed scores are stored as sums of {@code weight * g(t)} with {@code g(t) = exp((t -
 * landmark) / tau)}, so a score only grows and ranks the same at every query time; the query
 * multiplies by {@code 1 / g(now)}. Not thread-safe: {@link EventAggregates} guards it.
 */
final class Popularity {
  private final int boardSize;
  private final Leaderboard global;
  private final Leaderboard reachBoard;
  private double[] longScores = new double[64];
  private double[] shortScores = new double[64];
  private double[] totals = new double[64];
  private double[] reach = new double[64];
  private OwnerScores[] owners = new OwnerScores[8];
  private int ownerCount;

  /** One owner's fans' popularity: a score per product and the owner's own leaderboard. */
  private static final class OwnerScores {
    final IntDoubleMap scores;
    final Leaderboard board;

    OwnerScores(int boardSize, IntDoubleMap scores) {
      this.scores = scores;
      board = new Leaderboard(boardSize);
    }
  }

  Popularity(int boardSize) {
    this.boardSize = boardSize;
    this.global = new Leaderboard(boardSize);
    this.reachBoard = new Leaderboard(boardSize);
  }

  /**
   * Counts one positive event on {@code product} for everyone and for each owner in {@code
   * ownersOfFan}; {@code longWeight} and {@code shortWeight} are already multiplied by g(t); {@code
   * reachRise} is how much the event raised its fan's largest weight on the product.
   */
  void add(
      int product,
      int[] ownersOfFan,
      double weight,
      double longWeight,
      double shortWeight,
      double reachRise) {
    ensureProduct(product);
    longScores[product] += longWeight;
    shortScores[product] += shortWeight;
    totals[product] += weight;
    global.update(product, longScores[product]);
    if (reachRise > 0) {
      reach[product] += reachRise;
      reachBoard.update(product, reach[product]);
    }
    for (int owner : ownersOfFan) {
      OwnerScores scores = ownerScores(owner);
      scores.board.update(product, scores.scores.add(product, longWeight));
    }
  }

  double longScore(int product) {
    return product < longScores.length ? longScores[product] : 0;
  }

  double shortScore(int product) {
    return product < shortScores.length ? shortScores[product] : 0;
  }

  /** The undecayed sum of positive weights on the product. */
  double total(int product) {
    return product < totals.length ? totals[product] : 0;
  }

  KeyedScores top(int k, double factor) {
    return global.top(k, factor);
  }

  /** Each fan once, at the largest weight they gave the product. */
  double reach(int product) {
    return product < reach.length ? reach[product] : 0;
  }

  /** The products with the largest reach. */
  KeyedScores topReach(int k) {
    return reachBoard.top(k, 1);
  }

  double ownerScore(int owner, int product) {
    return owner < owners.length && owners[owner] != null ? owners[owner].scores.get(product) : 0;
  }

  KeyedScores ownerTop(int owner, int k, double factor) {
    if (owner >= owners.length || owners[owner] == null) {
      return KeyedScores.NONE;
    }
    return owners[owner].board.top(k, factor);
  }

  int owners() {
    return ownerCount;
  }

  /** Multiplies every stored score, when the landmark moves. */
  void rescale(double longFactor, double shortFactor) {
    for (int i = 0; i < longScores.length; i++) {
      longScores[i] *= longFactor;
      shortScores[i] *= shortFactor;
    }
    global.scale(longFactor);
    for (OwnerScores scores : owners) {
      if (scores != null) {
        scores.scores.scale(longFactor);
        scores.board.scale(longFactor);
      }
    }
  }

  private OwnerScores ownerScores(int owner) {
    if (owner >= owners.length) {
      owners = Arrays.copyOf(owners, Math.max(owner + 1, owners.length * 2));
    }
    if (owners[owner] == null) {
      owners[owner] = new OwnerScores(boardSize, new IntDoubleMap());
      ownerCount++;
    }
    return owners[owner];
  }

  private void ensureProduct(int product) {
    if (product >= longScores.length) {
      int length = Math.max(product + 1, longScores.length * 2);
      longScores = Arrays.copyOf(longScores, length);
      shortScores = Arrays.copyOf(shortScores, length);
      totals = Arrays.copyOf(totals, length);
      reach = Arrays.copyOf(reach, length);
    }
  }

  void write(SnapshotOutput out) throws IOException {
    global.write(out);
    reachBoard.write(out);
    out.writeDoubles(longScores, longScores.length);
    out.writeDoubles(shortScores, shortScores.length);
    out.writeDoubles(totals, totals.length);
    out.writeDoubles(reach, reach.length);
    out.writeInt(owners.length);
    for (OwnerScores scores : owners) {
      out.writeBoolean(scores != null);
      if (scores != null) {
        scores.scores.write(out);
        scores.board.write(out);
      }
    }
  }

  /** Fills this empty instance with what {@link #write} wrote. */
  void read(SnapshotInput in) throws IOException {
    global.read(in);
    reachBoard.read(in);
    longScores = in.readDoubles(1);
    shortScores = in.readDoubles(1);
    totals = in.readDoubles(1);
    reach = in.readDoubles(1);
    if (shortScores.length != longScores.length
        || totals.length != longScores.length
        || reach.length != longScores.length) {
      throw new SnapshotRefusedException("corrupt: popularity arrays of different lengths");
    }
    owners = new OwnerScores[Math.max(1, in.readCount(1))];
    ownerCount = 0;
    for (int i = 0; i < owners.length; i++) {
      if (in.readBoolean()) {
        OwnerScores scores = new OwnerScores(boardSize, IntDoubleMap.read(in));
        scores.board.read(in);
        owners[i] = scores;
        ownerCount++;
      }
    }
  }
}
