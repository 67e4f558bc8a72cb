package io.fanshelf.training.eval;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums one model's per-fan metrics by slice; the report's {@code models.<model>.<slice>}. Not
 * thread-safe: one thread adds fans in a fixed order.
 */
public final class MetricTable {
  /** Metric names in report order. */
  public static final List<String> NAMES =
      List.of("ndcg@10", "recall@10", "recall@20", "hit@10", "precision@10", "mrr", "coverage@10");

  private final int catalogSize;
  private final Map<Slice, double[]> sums = new EnumMap<>(Slice.class);
  private final Map<Slice, Integer> fans = new EnumMap<>(Slice.class);
  private final Map<Slice, BitSet> shown = new EnumMap<>(Slice.class);

  public MetricTable(int catalogSize) {
    this.catalogSize = catalogSize;
  }

  /**
   * Adds one fan.
   *
   * @param top the fan's top 20 (or fewer) ordinals
   * @param hits relevance of each of {@code top}
   * @param relevant how many relevant products the fan has
   * @param firstRank 1-based rank of the first relevant product in the full ranking, 0 if none
   */
  public void add(List<Slice> slices, int[] top, boolean[] hits, int relevant, long firstRank) {
    double[] values = {
      Metrics.ndcg(hits, 10, relevant),
      Metrics.recall(hits, 10, relevant),
      Metrics.recall(hits, 20, relevant),
      Metrics.hitRate(hits, 10),
      Metrics.precision(hits, 10),
      Metrics.reciprocalRank(firstRank)
    };
    for (Slice slice : slices) {
      double[] sum = sums.computeIfAbsent(slice, s -> new double[values.length]);
      for (int i = 0; i < values.length; i++) {
        sum[i] += values[i];
      }
      fans.merge(slice, 1, Integer::sum);
      BitSet items = shown.computeIfAbsent(slice, s -> new BitSet());
      for (int i = 0; i < Math.min(10, top.length); i++) {
        items.set(top[i]);
      }
    }
  }

  /** Mean metrics per slice (slices with no fan are left out), plus {@code fans}. */
  public Map<String, Map<String, Double>> means() {
    Map<String, Map<String, Double>> result = new LinkedHashMap<>();
    for (Slice slice : Slice.values()) {
      Integer n = fans.get(slice);
      if (n == null) {
        continue;
      }
      Map<String, Double> metrics = new LinkedHashMap<>();
      double[] sum = sums.get(slice);
      for (int i = 0; i < sum.length; i++) {
        metrics.put(NAMES.get(i), sum[i] / n);
      }
      metrics.put(
          "coverage@10",
          catalogSize == 0 ? 0 : (double) shown.get(slice).cardinality() / catalogSize);
      metrics.put("fans", (double) n);
      result.put(slice.key(), metrics);
    }
    return result;
  }

  /** Mean NDCG@10 over all fans (0 with none). */
  public double ndcgAll() {
    Integer n = fans.get(Slice.ALL);
    return n == null ? 0 : sums.get(Slice.ALL)[0] / n;
  }
}
