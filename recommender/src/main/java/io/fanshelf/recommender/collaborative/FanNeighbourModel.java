package io.fanshelf.recommender.collaborative;

import io.fanshelf.indexer.model.FanId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fan-based kNN: the fans whose products overlap most with this fan's (cosine of the binary fan x
 * product vectors, with shrinkage), and what those fans engaged with, weighted by similarity. It
 * keeps every fan's products, so it suits small shops; the fit bounds how many fans it keeps. A fan
 * is scored from their current history, so a fan who was not in the fit is served too. Immutable
 * and thread-safe.
 */
public final class FanNeighbourModel implements CollaborativeModel {
  public static final String ALGORITHM = "user-knn";

  private final ItemIndex items;
  private final List<FanId> fans;
  private final Map<FanId, Integer> fanRows;
  private final int[] fanOffsets;
  private final int[] fanItems;
  private final int[] itemOffsets;
  private final int[] itemFans;
  private final int neighbours;
  private final double shrinkage;
  private final int fansPerItem;
  private final RowArrays overlaps;

  /**
   * @param fanOffsets fan {@code v}'s product rows are {@code fanItems[fanOffsets[v] ..
   *     fanOffsets[v + 1])}
   * @param neighbours how many most similar fans vote
   * @param shrinkage added to the cosine's denominator: small overlaps count less
   * @param fansPerItem at most this many fans of one product are read per request
   */
  public FanNeighbourModel(
      ItemIndex items,
      List<FanId> fans,
      int[] fanOffsets,
      int[] fanItems,
      int neighbours,
      double shrinkage,
      int fansPerItem) {
    this.items = Objects.requireNonNull(items, "items");
    this.fans = List.copyOf(fans);
    if (fanOffsets.length != this.fans.size() + 1
        || fanOffsets[fanOffsets.length - 1] != fanItems.length) {
      throw new IllegalArgumentException("inconsistent fan lists");
    }
    for (int row : fanItems) {
      if (row < 0 || row >= items.size()) {
        throw new IllegalArgumentException("product row " + row + " out of range");
      }
    }
    if (neighbours < 1 || !(shrinkage >= 0) || fansPerItem < 1) {
      throw new IllegalArgumentException(
          "neighbours and fansPerItem must be >= 1 and shrinkage >= 0");
    }
    this.fanRows = new HashMap<>(this.fans.size() * 2);
    for (int v = 0; v < this.fans.size(); v++) {
      fanRows.put(this.fans.get(v), v);
    }
    this.fanOffsets = fanOffsets;
    this.fanItems = fanItems;
    this.neighbours = neighbours;
    this.shrinkage = shrinkage;
    this.fansPerItem = fansPerItem;
    this.overlaps = new RowArrays(this.fans.size());
    // the inverted lists: fans of each product, in fan order
    int[] counts = new int[items.size() + 1];
    for (int row : fanItems) {
      counts[row + 1]++;
    }
    for (int i = 0; i < items.size(); i++) {
      counts[i + 1] += counts[i];
    }
    this.itemOffsets = counts.clone();
    this.itemFans = new int[fanItems.length];
    int[] next = Arrays.copyOf(counts, items.size());
    for (int v = 0; v < this.fans.size(); v++) {
      for (int e = fanOffsets[v]; e < fanOffsets[v + 1]; e++) {
        itemFans[next[fanItems[e]]++] = v;
      }
    }
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  /** Adds to {@code sink} the similarity-weighted products of the fan's nearest fans. */
  @Override
  public void scores(FanId self, FanItems fan, ScoreSink sink) {
    if (fan.isEmpty()) {
      return;
    }
    int selfRow = fanRows.getOrDefault(self, -1);
    // one slot per fan: a fan with a long history meets tens of thousands of fans through
    // fansPerItem, where a hash map of them would take more memory and a probe per add
    double[] overlap = overlaps.take();
    int[] touched = new int[64];
    int count = 0;
    // touched[0 .. zeroed) have their slots at 0 again
    int zeroed = 0;
    try {
      for (int n = 0; n < fan.size(); n++) {
        int row = fan.rows()[n];
        int end = Math.min(itemOffsets[row + 1], itemOffsets[row] + fansPerItem);
        for (int e = itemOffsets[row]; e < end; e++) {
          int v = itemFans[e];
          if (v == selfRow) {
            continue;
          }
          if (overlap[v] == 0) {
            if (count == touched.length) {
              touched = Arrays.copyOf(touched, count * 2);
            }
            touched[count++] = v;
          }
          overlap[v] += fan.weights()[n];
        }
      }
      if (count == 0) {
        return;
      }
      double norm = Math.sqrt(fan.size());
      double[] similarity = new double[count];
      // each slot is set back to 0 as it is read: one pass over the touched fans' slots, not two
      for (int t = 0; t < count; t++) {
        int v = touched[t];
        double size = fanOffsets[v + 1] - fanOffsets[v];
        similarity[t] = overlap[v] / (norm * Math.sqrt(size) + shrinkage);
        overlap[v] = 0;
        zeroed = t + 1;
      }
      int[] best = TopK.indices(similarity, Math.min(neighbours, count));
      for (int t : best) {
        int v = touched[t];
        for (int e = fanOffsets[v]; e < fanOffsets[v + 1]; e++) {
          sink.add(fanItems[e], similarity[t]);
        }
      }
    } finally {
      for (int t = zeroed; t < count; t++) {
        overlap[touched[t]] = 0;
      }
      overlaps.give(overlap);
    }
  }

  @Override
  public ItemIndex items() {
    return items;
  }

  public List<FanId> fans() {
    return fans;
  }

  public int[] fanOffsets() {
    return fanOffsets;
  }

  public int[] fanItems() {
    return fanItems;
  }

  public int neighbours() {
    return neighbours;
  }

  public double shrinkage() {
    return shrinkage;
  }

  public int fansPerItem() {
    return fansPerItem;
  }
}
