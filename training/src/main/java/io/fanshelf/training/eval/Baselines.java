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
import java.time.Instant;
import java.util.ArrayList;
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
 * The non-collaborative baselines, all counted over (fan, product) pairs of positive known events:
 * each fan counts once per product. Popularity is how many fans engaged with a product;
 * owner-popular the same among the owner's fans; label-only ranks by popularity among fans sharing
 * each of the fan's label values; random is a seeded permutation. Every list is followed by the
 * rest of the catalog in popularity order. Immutable after construction; thread-safe.
 */
public final class Baselines {
  private final Order popular;
  private final Order random;
  private final long seed;
  private final Map<OwnerId, int[]> ownerLists = new HashMap<>();
  private final Map<String, Map<Integer, Integer>> valueCounts = new HashMap<>();
  private final Map<String, Integer> valueFans = new HashMap<>();
  private final TrainingData data;

  public Baselines(Snapshot snapshot, Predicate<Event> known, FeedbackPolicy targets, long seed) {
    CatalogSnapshot catalog = snapshot.signals().catalog();
    this.data = snapshot.data();
    this.seed = seed;
    Map<FanId, Set<Integer>> pairs = pairs(snapshot, known, targets);
    double[] count = new double[catalog.size()];
    Map<OwnerId, double[]> ownerCount = new HashMap<>();
    List<FanId> fans = new ArrayList<>(pairs.keySet());
    fans.sort(null);
    for (FanId fan : fans) {
      Set<String> values = labelValues(fan, snapshot.at());
      values.forEach(v -> valueFans.merge(v, 1, Integer::sum));
      for (int item : pairs.get(fan)) {
        count[item]++;
        for (var profile : data.profiles().getOrDefault(fan, List.of())) {
          ownerCount.computeIfAbsent(profile.fan().owner(), o -> new double[count.length])[item]++;
        }
        for (String value : values) {
          valueCounts.computeIfAbsent(value, v -> new HashMap<>()).merge(item, 1, Integer::sum);
        }
      }
    }
    popular = Order.byScore(count);
    ownerCount.forEach((owner, c) -> ownerLists.put(owner, positive(Order.byScore(c), c)));
    random = Order.random(catalog.size(), new SplittableRandom(seed));
  }

  /** Every product of the snapshot's catalog by how many fans engaged with it, ties by ordinal. */
  public static Order popularity(
      Snapshot snapshot, Predicate<? super Event> known, FeedbackPolicy targets) {
    double[] count = new double[snapshot.signals().catalog().size()];
    for (Set<Integer> items : pairs(snapshot, known, targets).values()) {
      for (int item : items) {
        count[item]++;
      }
    }
    return Order.byScore(count);
  }

  private static Map<FanId, Set<Integer>> pairs(
      Snapshot snapshot, Predicate<? super Event> known, FeedbackPolicy targets) {
    CatalogSnapshot catalog = snapshot.signals().catalog();
    Map<FanId, Set<Integer>> pairs = new HashMap<>();
    for (Event event : snapshot.data().log().events()) {
      if (known.test(event) && targets.isPositive(event)) {
        OptionalInt ordinal = catalog.ordinal(event.product());
        if (ordinal.isPresent()) {
          pairs.computeIfAbsent(event.fan(), f -> new LinkedHashSet<>()).add(ordinal.getAsInt());
        }
      }
    }
    return pairs;
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

  private Set<String> labelValues(FanId fan, Instant at) {
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

  /** The baselines as lists, in report order: popularity, owner-popular, label-only, random. */
  public List<ListModel> lists() {
    return List.of(
        list("popularity", fan -> new int[0]),
        list("owner-popular", this::ownerPopular),
        list("label-only", this::labelOnly),
        new ListModel() {
          @Override
          public String name() {
            return "random";
          }

          @Override
          public int[] head(FanCase fan) {
            Order order = random(fan);
            int[] head = new int[order.size()];
            for (int i = 0; i < head.length; i++) {
              head[i] = order.at(i);
            }
            return head;
          }
        });
  }

  private static ListModel list(String name, java.util.function.Function<FanCase, int[]> heads) {
    return new ListModel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int[] head(FanCase fan) {
        return heads.apply(fan);
      }
    };
  }

  /** A random list for this fan: a seeded permutation read from a per-fan offset. */
  public Order random(FanCase fan) {
    return random.rotate(
        new SplittableRandom(seed ^ fan.fan().value().hashCode()).nextInt(1 << 30));
  }

  public int[] ownerPopular(FanCase fan) {
    return ownerLists.getOrDefault(fan.owner(), new int[0]);
  }

  /** Products by popularity among fans sharing the fan's label values (the label only). */
  public int[] labelOnly(FanCase fan) {
    Map<Integer, Double> scores = new HashMap<>();
    for (String value : labelValues(fan.fan(), fan.now())) {
      Map<Integer, Integer> counts = valueCounts.getOrDefault(value, Map.of());
      double n = valueFans.getOrDefault(value, 1);
      counts.forEach((item, c) -> scores.merge(item, c / n, Double::sum));
    }
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
