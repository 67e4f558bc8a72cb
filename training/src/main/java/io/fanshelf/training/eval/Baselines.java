package io.fanshelf.training.eval;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import io.fanshelf.training.dataset.FanCase;
import io.fanshelf.training.dataset.Snapshot;
import io.fanshelf.training.dataset.TrainingData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The baselines' lists, all counted over (fan, product) pairs of positive known events: each fan
 * counts once per product. Popularity is how many fans engaged with a product; owner-popular the
 * same among the owner's fans; item-kNN sums the cosine co-occurrence of each product with the
 * fan's products; label-only ranks by popularity among fans sharing each of the fan's label values.
 * Every list is followed by the rest of the catalog in popularity order. Immutable after
 * construction; the per-fan methods are thread-safe.
 */
public final class Baselines {
  /**
   * Fans read per product of the fan's history by item-kNN unless told otherwise; for a product
   * with more fans, those read stand for all of them (weighted up), which bounds the cost for
   * blockbusters.
   */
  public static final int KNN_FANS_PER_ITEM = 1_000;

  private final int knnFansPerItem;

  private final CatalogSnapshot catalog;
  private final Order popular;
  private final Order random;
  private final Map<OwnerId, int[]> ownerLists = new HashMap<>();
  private final Map<FanId, Integer> fanIndex = new HashMap<>();
  private final List<int[]> itemsOfFan = new ArrayList<>();
  private final int[][] fansOfItem;
  private final Map<String, Map<Integer, Integer>> valueCounts = new HashMap<>();
  private final Map<String, Integer> valueFans = new HashMap<>();
  private final TrainingData data;

  public Baselines(Snapshot snapshot, Predicate<Event> known, FeedbackPolicy targets, long seed) {
    this(snapshot, known, targets, seed, KNN_FANS_PER_ITEM);
  }

  /**
   * @param knnFansPerItem item-kNN reads at most this many fans per product (exact when no product
   *     has more)
   */
  public Baselines(
      Snapshot snapshot,
      Predicate<Event> known,
      FeedbackPolicy targets,
      long seed,
      int knnFansPerItem) {
    if (knnFansPerItem < 1) {
      throw new IllegalArgumentException("knnFansPerItem must be >= 1, got " + knnFansPerItem);
    }
    this.knnFansPerItem = knnFansPerItem;
    this.catalog = snapshot.signals().catalog();
    this.data = snapshot.data();
    Map<FanId, Set<Integer>> pairs = new HashMap<>();
    for (Event event : data.log().events()) {
      if (known.test(event) && targets.isPositive(event)) {
        OptionalInt ordinal = catalog.ordinal(event.product());
        if (ordinal.isPresent()) {
          pairs.computeIfAbsent(event.fan(), f -> new LinkedHashSet<>()).add(ordinal.getAsInt());
        }
      }
    }
    double[] count = new double[catalog.size()];
    Map<OwnerId, double[]> ownerCount = new HashMap<>();
    List<List<Integer>> fansOf = new ArrayList<>();
    for (int i = 0; i < catalog.size(); i++) {
      fansOf.add(new ArrayList<>());
    }
    List<FanId> fans = new ArrayList<>(pairs.keySet());
    fans.sort(null);
    for (FanId fan : fans) {
      int index = itemsOfFan.size();
      fanIndex.put(fan, index);
      int[] items = pairs.get(fan).stream().mapToInt(Integer::intValue).toArray();
      itemsOfFan.add(items);
      Set<String> values = labelValues(fan, snapshot.at());
      values.forEach(v -> valueFans.merge(v, 1, Integer::sum));
      for (int item : items) {
        count[item]++;
        fansOf.get(item).add(index);
        for (var profile : data.profiles().getOrDefault(fan, List.of())) {
          ownerCount.computeIfAbsent(profile.fan().owner(), o -> new double[count.length])[item]++;
        }
        for (String value : values) {
          valueCounts.computeIfAbsent(value, v -> new HashMap<>()).merge(item, 1, Integer::sum);
        }
      }
    }
    fansOfItem = new int[catalog.size()][];
    for (int i = 0; i < fansOfItem.length; i++) {
      fansOfItem[i] = fansOf.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    popular = Order.byScore(count);
    ownerCount.forEach((owner, c) -> ownerLists.put(owner, positive(Order.byScore(c), c)));
    random = Order.random(catalog.size(), new SplittableRandom(seed));
  }

  private static int[] positive(Order order, double[] score) {
    int n = 0;
    while (n < order.size() && score[order.at(n)] > 0) {
      n++;
    }
    int[] head = new int[n];
    for (int i = 0; i < n; i++) {
      head[i] = order.at(i);
    }
    return head;
  }

  private Set<String> labelValues(FanId fan, java.time.Instant at) {
    Set<String> values = new HashSet<>();
    data.ownerOf(fan)
        .flatMap(owner -> data.profile(owner, fan))
        .ifPresent(
            p -> {
              for (Label label : p.labels().values()) {
                if (label.time().isBefore(at)) {
                  label.values().forEach(v -> values.add(label.dimension() + "=" + v));
                }
              }
            });
    return values;
  }

  /** Every product by how many fans engaged with it; ties by ordinal. */
  public Order popular() {
    return popular;
  }

  /** A random list for this fan: a seeded permutation read from a per-fan offset. */
  public Order random(FanCase fan, long seed) {
    return random.rotate(
        new SplittableRandom(seed ^ fan.fan().value().hashCode()).nextInt(1 << 30));
  }

  public int[] ownerPopular(FanCase fan) {
    return ownerLists.getOrDefault(fan.owner(), new int[0]);
  }

  /**
   * Products co-bought with the fan's, by {@code sum over the fan's products j of co(i, j) /
   * sqrt(n_i * n_j)} (cosine of the binary fan x product matrix), co(i, j) estimated from at most
   * {@code knnFansPerItem} fans of j.
   */
  public int[] itemKnn(FanCase fan) {
    Integer u = fanIndex.get(fan.fan());
    if (u == null) {
      return new int[0];
    }
    double[] scores = KNN_SCORES.get();
    if (scores.length < fansOfItem.length) {
      scores = new double[fansOfItem.length];
      KNN_SCORES.set(scores);
    }
    int[] touched = new int[16];
    int count = 0;
    for (int j : itemsOfFan.get(u)) {
      int[] others = fansOfItem[j];
      double nj = others.length;
      int read = Math.min(others.length, knnFansPerItem);
      double weight = nj / read / Math.sqrt(nj);
      for (int k = 0; k < read; k++) {
        int v = others[k];
        if (v == u) {
          continue;
        }
        for (int i : itemsOfFan.get(v)) {
          if (scores[i] == 0) {
            if (count == touched.length) {
              touched = Arrays.copyOf(touched, count * 2);
            }
            touched[count++] = i;
          }
          scores[i] += weight / Math.sqrt(fansOfItem[i].length);
        }
      }
    }
    Integer[] order = new Integer[count];
    for (int t = 0; t < count; t++) {
      order[t] = touched[t];
    }
    double[] s = scores;
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Double.compare(s[b], s[a]);
          return c != 0 ? c : Integer.compare(a, b);
        });
    int[] head = new int[count];
    for (int t = 0; t < count; t++) {
      head[t] = order[t];
    }
    for (int t = 0; t < count; t++) {
      s[touched[t]] = 0;
    }
    return head;
  }

  private static final ThreadLocal<double[]> KNN_SCORES =
      ThreadLocal.withInitial(() -> new double[0]);

  /** Products by popularity among fans sharing the fan's label values (the label only). */
  public int[] labelOnly(FanCase fan) {
    Map<Integer, Double> scores = new HashMap<>();
    for (String value : labelValues(fan.fan(), fan.now())) {
      Map<Integer, Integer> counts = valueCounts.getOrDefault(value, Map.of());
      double n = valueFans.getOrDefault(value, 1);
      counts.forEach((item, c) -> scores.merge(item, c / n, Double::sum));
    }
    return sorted(scores);
  }

  private static int[] sorted(Map<Integer, Double> scores) {
    return scores.entrySet().stream()
        .sorted(
            (a, b) -> {
              int c = Double.compare(b.getValue(), a.getValue());
              return c != 0 ? c : Integer.compare(a.getKey(), b.getKey());
            })
        .mapToInt(Map.Entry::getKey)
        .toArray();
  }
}
