package io.fanshelf.training.dataset;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Turns a snapshot and the fan cases of its label window into a {@link Dataset}: each fan's
 * candidates from serving's sources, positives where a candidate is relevant, negatives from
 * impressions where the fan has them, else sampled from the other candidates ({@link
 * SamplingOptions}). A seeded share of the fans is added a second time as newcomers (labels, no
 * history), so that the ranker learns what serving meets in a fan the shop has just labelled. Fans
 * are processed in parallel; the result does not depend on the thread count (each fan has its own
 * seeded generator). Stateless.
 */
public final class DatasetBuilder {
  private DatasetBuilder() {}

  private record FanRows(List<float[]> rows, List<Integer> labels, long relevant, long found) {}

  /** One group of examples: a fan, seen as they are or as a newcomer. */
  private record Group(FanCase fanCase, boolean asNew) {}

  /**
   * The fans {@link #build} also shows as newcomers: a seeded {@code share} of the fans with known
   * events; none when no fan of the partition is labelled. A newcomer example teaches the ranker
   * what labels say when nothing else is known. Without labels all it holds is which products a
   * fan's later events picked with nothing known of the fan, and those are not what newcomers pick
   * (on MovieLens users start with the films everybody has seen): the trees learned that prior and
   * ranked new users below popularity.
   */
  public static Set<FanId> newcomers(Partition partition, SamplingOptions sampling, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("newcomerShare must be in [0, 1], got " + share);
    }
    Set<FanId> newcomers = new HashSet<>();
    if (partition.cases().stream().noneMatch(FanCase::labelled)) {
      return newcomers;
    }
    for (FanCase fanCase : partition.cases()) {
      SplittableRandom pick =
          new SplittableRandom(sampling.seed() ^ fanCase.fan().value().hashCode());
      if (fanCase.trainingEvents() > 0 && pick.nextDouble() < share) {
        newcomers.add(fanCase.fan());
      }
    }
    return newcomers;
  }

  /**
   * @param newcomerSnapshot the snapshot the {@code newcomers} are seen from: one that never saw
   *     their events (not in the aggregates, the label statistics or the collaborative models), as
   *     a shop meets a new fan; otherwise a newcomer's own purchases would vouch for its labels
   * @param newcomers the fans also added as newcomers ({@link #newcomers})
   * @param progress called with the number of groups done so far
   */
  public static Dataset build(
      Snapshot snapshot,
      Snapshot newcomerSnapshot,
      Set<FanId> newcomers,
      Partition partition,
      SamplingOptions sampling,
      boolean hideLabels,
      boolean allowRepeats,
      LongConsumer progress) {
    List<Group> groups = new ArrayList<>();
    for (FanCase fanCase : partition.cases()) {
      groups.add(new Group(fanCase, false));
    }
    for (FanCase fanCase : partition.cases()) {
      if (newcomers.contains(fanCase.fan())) {
        groups.add(new Group(fanCase, true));
      }
    }
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    List<FanRows> perGroup =
        IntStream.range(0, groups.size())
            .parallel()
            .mapToObj(
                i -> {
                  Group group = groups.get(i);
                  Snapshot seenFrom = group.asNew() ? newcomerSnapshot : snapshot;
                  FanCandidates candidates =
                      FanCandidates.of(
                          seenFrom, group.fanCase(), hideLabels, allowRepeats, group.asNew());
                  FanRows rows = fanRows(seenFrom, candidates, i, sampling);
                  progress.accept(done.incrementAndGet());
                  return rows;
                })
            .toList();
    int total = perGroup.stream().mapToInt(r -> r.rows().size()).sum();
    float[][] features = new float[total][];
    int[] labels = new int[total];
    int[] groupOf = new int[total];
    List<String> fans = new ArrayList<>(groups.size());
    long relevant = 0;
    long found = 0;
    int row = 0;
    for (int g = 0; g < perGroup.size(); g++) {
      FanRows rows = perGroup.get(g);
      Group group = groups.get(g);
      fans.add(group.fanCase().fan().value() + (group.asNew() ? " (as new)" : ""));
      if (!group.asNew()) {
        relevant += rows.relevant();
        found += rows.found();
      }
      for (int r = 0; r < rows.rows().size(); r++) {
        features[row] = rows.rows().get(r);
        labels[row] = rows.labels().get(r);
        groupOf[row] = g;
        row++;
      }
    }
    return new Dataset(
        features, labels, groupOf, fans, snapshot.at(), partition.description(), relevant, found);
  }

  private static FanRows fanRows(
      Snapshot snapshot, FanCandidates candidates, int index, SamplingOptions sampling) {
    FanCase fanCase = candidates.fanCase();
    CatalogSnapshot catalog = snapshot.signals().catalog();
    List<float[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<Integer> negatives = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      ProductId id = catalog.product(candidates.ordinals()[i]).id();
      if (fanCase.relevant().contains(id)) {
        rows.add(candidates.features()[i]);
        labels.add(1);
      } else {
        negatives.add(i);
      }
    }
    int positives = rows.size();
    if (positives == 0) {
      return new FanRows(List.of(), List.of(), fanCase.relevant().size(), 0);
    }
    if (!fanCase.impressed().isEmpty()) {
      // sorted: set iteration order changes between JVM runs, and row order reaches the model
      List<Integer> shown = new ArrayList<>();
      for (ProductId product : fanCase.impressed().stream().sorted().toList()) {
        OptionalInt ordinal = catalog.ordinal(product);
        ordinal.ifPresent(shown::add);
      }
      for (float[] vector :
          candidates.featuresOf(shown.stream().mapToInt(Integer::intValue).toArray())) {
        rows.add(vector);
        labels.add(0);
      }
    } else {
      SplittableRandom random = new SplittableRandom(sampling.seed() * 1_000_003L + index);
      int want =
          sampling.negativesPerPositive() == 0
              ? negatives.size()
              : (int)
                  Math.min(
                      negatives.size(), Math.ceil(positives * sampling.negativesPerPositive()));
      for (int i : sample(negatives, want, candidates, snapshot, sampling, random)) {
        rows.add(candidates.features()[i]);
        labels.add(0);
      }
    }
    return new FanRows(rows, labels, fanCase.relevant().size(), positives);
  }

  /** Weighted sampling without replacement (Efraimidis-Spirakis keys). */
  private static List<Integer> sample(
      List<Integer> pool,
      int want,
      FanCandidates candidates,
      Snapshot snapshot,
      SamplingOptions sampling,
      SplittableRandom random) {
    if (want >= pool.size()) {
      return pool;
    }
    double[] keys = new double[pool.size()];
    Integer[] order = new Integer[pool.size()];
    for (int j = 0; j < pool.size(); j++) {
      double popularity =
          snapshot.signals().leaders().popularity(candidates.ordinals()[pool.get(j)]);
      double weight = Math.pow(popularity + 1, sampling.popularityExponent());
      keys[j] = Math.log(random.nextDouble(Double.MIN_VALUE, 1)) / weight;
      order[j] = j;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
    List<Integer> chosen = new ArrayList<>(want);
    for (int j = 0; j < want; j++) {
      chosen.add(pool.get(order[j]));
    }
    chosen.sort(null);
    return chosen;
  }
}
