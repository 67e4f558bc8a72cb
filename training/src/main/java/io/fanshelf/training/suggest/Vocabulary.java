package io.fanshelf.training.suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The profile features a classifier reads, in a fixed order: the ones most fans have. */
final class Vocabulary {
  private final List<String> keys;
  private final Map<String, Integer> index = new HashMap<>();

  private Vocabulary(List<String> keys) {
    this.keys = List.copyOf(keys);
    for (int i = 0; i < keys.size(); i++) {
      index.put(keys.get(i), i);
    }
  }

  static Vocabulary of(Collection<FanBehaviour> fans, int minFans, int maxFeatures) {
    Map<String, Integer> fanCounts = new HashMap<>();
    for (FanBehaviour fan : fans) {
      fan.shares().keySet().forEach(key -> fanCounts.merge(key, 1, Integer::sum));
    }
    List<String> kept = new ArrayList<>();
    fanCounts.forEach(
        (key, count) -> {
          if (count >= minFans) {
            kept.add(key);
          }
        });
    // Most common first, ties by key, so the same data always gives the same features.
    kept.sort(Comparator.comparing((String key) -> -fanCounts.get(key)).thenComparing(key -> key));
    return new Vocabulary(kept.subList(0, Math.min(maxFeatures, kept.size())));
  }

  int size() {
    return keys.size();
  }

  String key(int i) {
    return keys.get(i);
  }

  double[] vector(FanBehaviour fan) {
    double[] x = new double[keys.size()];
    fan.shares()
        .forEach(
            (key, share) -> {
              Integer i = index.get(key);
              if (i != null) {
                x[i] = share;
              }
            });
    return x;
  }
}
