package io.fanshelf.training.dataset;

import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Turns a snapshot and the fan cases of its label window into a {@link Dataset}: each fan's
 * candidates from serving's sources, positives where a candidate is relevant, negatives from
 * impressions where the fan has them, else sampled from the other candidates ({@link
 * SamplingOptions}). Fans are processed in parallel; the result does not depend on the thread count
 * (each fan has its own seeded generator). Stateless.
 */
public final class DatasetBuilder {
  private DatasetBuilder() {}

  private record FanRows(List<float[]> rows, List<Integer> labels, long relevant, long found) {}

  /**
   * @param progress called with the number of fans done so far
   */
  public static Dataset build(
      Snapshot snapshot,
      Partition partition,
      SamplingOptions sampling,
      boolean hideLabels,
      boolean allowRepeats,
      LongConsumer progress) {
    return build(snapshot, partition, sampling, hideLabels, allowRepeats, progress, 1, c -> {});
  }

  /**
   * The same, handing every {@code keepEvery}-th fan's full candidate list to {@code keep} (the
   * trainer validates hyper-parameters on them); {@code keep} must be thread-safe.
   */
  public static Dataset build(
      Snapshot snapshot,
      Partition partition,
      SamplingOptions sampling,
      boolean hideLabels,
      boolean allowRepeats,
      LongConsumer progress,
      int keepEvery,
      java.util.function.Consumer<FanCandidates> keep) {
    List<FanCase> cases = partition.cases();
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    List<FanRows> perFan =
        IntStream.range(0, cases.size())
            .parallel()
            .mapToObj(
                i -> {
                  FanCandidates candidates =
                      FanCandidates.of(snapshot, cases.get(i), hideLabels, allowRepeats);
                  if (i % keepEvery == 0) {
                    keep.accept(candidates);
                  }
                  FanRows rows = fanRows(snapshot, candidates, i, sampling);
                  progress.accept(done.incrementAndGet());
                  return rows;
                })
            .toList();
    int total = perFan.stream().mapToInt(r -> r.rows().size()).sum();
    float[][] features = new float[total][];
    int[] labels = new int[total];
    int[] groups = new int[total];
    List<String> fans = new ArrayList<>(cases.size());
    long relevant = 0;
    long found = 0;
    int row = 0;
    for (int f = 0; f < perFan.size(); f++) {
      FanRows rows = perFan.get(f);
      fans.add(cases.get(f).fan().value());
      relevant += rows.relevant();
      found += rows.found();
      for (int r = 0; r < rows.rows().size(); r++) {
        features[row] = rows.rows().get(r);
        labels[row] = rows.labels().get(r);
        groups[row] = f;
        row++;
      }
    }
    return new Dataset(
        features, labels, groups, fans, snapshot.at(), partition.description(), relevant, found);
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
      for (ProductId shown : fanCase.impressed().stream().sorted().toList()) {
        OptionalInt ordinal = catalog.ordinal(shown);
        if (ordinal.isPresent()) {
          rows.add(FanCandidates.featuresOf(snapshot, candidates.context(), ordinal.getAsInt()));
          labels.add(0);
        }
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
