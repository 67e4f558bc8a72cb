package io.fanshelf.training.collaborative;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.collaborative.FanItems;
import io.fanshelf.recommender.collaborative.ItemIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The fan x product matrix of positive feedback that collaborative models learn from: each (fan,
 * product) pair's feedback weights summed and capped at 1 (a purchase counts 1, a view 0.2 under
 * the default policy) and its latest time, stored by fan and by product (compressed sparse rows and
 * columns). Products and fans are in id order, so the same events give the same matrix. Immutable.
 */
public final class Interactions {
  private final ItemIndex items;
  private final List<FanId> fans;
  private final Map<FanId, Integer> fanRows;
  private final int[] fanOffsets;
  private final int[] fanItems;
  private final float[] fanWeights;
  private final long[] fanTimes;
  private final int[] itemOffsets;
  private final int[] itemFans;
  private final float[] itemWeights;

  private Interactions(
      ItemIndex items,
      List<FanId> fans,
      int[] fanOffsets,
      int[] fanItems,
      float[] fanWeights,
      long[] fanTimes) {
    this.items = items;
    this.fans = List.copyOf(fans);
    this.fanRows = new HashMap<>(fans.size() * 2);
    for (int u = 0; u < fans.size(); u++) {
      fanRows.put(fans.get(u), u);
    }
    this.fanOffsets = fanOffsets;
    this.fanItems = fanItems;
    this.fanWeights = fanWeights;
    this.fanTimes = fanTimes;
    int n = items.size();
    itemOffsets = new int[n + 1];
    for (int row : fanItems) {
      itemOffsets[row + 1]++;
    }
    for (int i = 0; i < n; i++) {
      itemOffsets[i + 1] += itemOffsets[i];
    }
    itemFans = new int[fanItems.length];
    itemWeights = new float[fanItems.length];
    int[] next = java.util.Arrays.copyOf(itemOffsets, n);
    for (int u = 0; u < fans.size(); u++) {
      for (int e = fanOffsets[u]; e < fanOffsets[u + 1]; e++) {
        int at = next[fanItems[e]]++;
        itemFans[at] = u;
        itemWeights[at] = fanWeights[e];
      }
    }
  }

  /**
   * The positive feedback of the events {@code known} accepts, on products {@code sellable} accepts
   * (a model can only propose products the catalog has).
   */
  public static Interactions of(
      Iterable<Event> events,
      Predicate<? super Event> known,
      FeedbackPolicy policy,
      Predicate<ProductId> sellable) {
    Map<FanId, Map<ProductId, double[]>> byFan = new TreeMap<>();
    Set<ProductId> products = new TreeSet<>();
    for (Event event : events) {
      double weight = policy.weight(event);
      if (weight > 0 && known.test(event) && sellable.test(event.product())) {
        double[] pair =
            byFan
                .computeIfAbsent(event.fan(), f -> new HashMap<>())
                .computeIfAbsent(event.product(), p -> new double[2]);
        pair[0] += weight;
        pair[1] = Math.max(pair[1], event.time().toEpochMilli());
        products.add(event.product());
      }
    }
    ItemIndex items = new ItemIndex(new ArrayList<>(products));
    List<FanId> fans = new ArrayList<>(byFan.keySet());
    int total = byFan.values().stream().mapToInt(Map::size).sum();
    int[] offsets = new int[fans.size() + 1];
    int[] rows = new int[total];
    float[] weights = new float[total];
    long[] times = new long[total];
    int e = 0;
    for (int u = 0; u < fans.size(); u++) {
      TreeMap<Integer, double[]> sorted = new TreeMap<>();
      byFan.get(fans.get(u)).forEach((product, pair) -> sorted.put(items.row(product), pair));
      for (var entry : sorted.entrySet()) {
        rows[e] = entry.getKey();
        weights[e] = (float) Math.min(1.0, entry.getValue()[0]);
        times[e++] = (long) entry.getValue()[1];
      }
      offsets[u + 1] = e;
    }
    return new Interactions(items, fans, offsets, rows, weights, times);
  }

  public ItemIndex items() {
    return items;
  }

  public int itemCount() {
    return items.size();
  }

  public int fanCount() {
    return fans.size();
  }

  public List<FanId> fans() {
    return fans;
  }

  /** Non-zero entries. */
  public int size() {
    return fanItems.length;
  }

  /** The row of a fan, -1 when the fan has no positive feedback here. */
  public int fanRow(FanId fan) {
    return fanRows.getOrDefault(fan, -1);
  }

  /** One fan's products and weights. */
  public FanItems fan(int u) {
    return new FanItems(
        java.util.Arrays.copyOfRange(fanItems, fanOffsets[u], fanOffsets[u + 1]),
        java.util.Arrays.copyOfRange(fanWeights, fanOffsets[u], fanOffsets[u + 1]));
  }

  /** How many fans engaged with product {@code row}. */
  public int itemDegree(int row) {
    return itemOffsets[row + 1] - itemOffsets[row];
  }

  public int fanDegree(int u) {
    return fanOffsets[u + 1] - fanOffsets[u];
  }

  int[] fanOffsets() {
    return fanOffsets;
  }

  int[] fanItems() {
    return fanItems;
  }

  float[] fanWeights() {
    return fanWeights;
  }

  /** The latest time (epoch ms) of each entry, by fan as {@link #fanItems()}. */
  long[] fanTimes() {
    return fanTimes;
  }

  int[] itemOffsets() {
    return itemOffsets;
  }

  int[] itemFans() {
    return itemFans;
  }

  float[] itemWeights() {
    return itemWeights;
  }
}
