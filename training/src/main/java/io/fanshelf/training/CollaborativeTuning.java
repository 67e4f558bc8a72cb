package io.fanshelf.training;

import io.fanshelf.recommender.collaborative.CollaborativeModel;
import io.fanshelf.training.collaborative.AlsOptions;
import io.fanshelf.training.collaborative.CollaborativeOptions;
import io.fanshelf.training.collaborative.EaseOptions;
import io.fanshelf.training.collaborative.FanKnnOptions;
import io.fanshelf.training.collaborative.ItemKnnOptions;
import io.fanshelf.training.eval.CollaborativeList;
import io.fanshelf.training.eval.Validation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses each collaborative algorithm's hyper-parameters on a validation window: a coordinate
 * search that varies one hyper-parameter at a time over a fixed grid, keeping the best value before
 * moving to the next (the order follows what matters most, as Rendle et al. 2021 tune iALS). Every
 * setting tried is reported. A {@link TuningBudget} bounds each algorithm's search: once spent, the
 * best so far is kept and the report says which limit ended it. Stateless.
 */
public final class CollaborativeTuning {
  private static final Logger LOG = LoggerFactory.getLogger(CollaborativeTuning.class);

  /** The algorithms FanShelf fits, in report order. */
  public static final List<String> ALGORITHMS =
      List.of(
          AlsOptions.ALGORITHM,
          EaseOptions.ALGORITHM,
          ItemKnnOptions.COSINE,
          ItemKnnOptions.RP3BETA,
          FanKnnOptions.ALGORITHM);

  private CollaborativeTuning() {}

  /**
   * One setting tried.
   *
   * @param algorithm e.g. {@code ials}
   * @param hyperParameters the setting
   * @param validationNdcg mean NDCG@10 on the validation fans
   * @param fitMillis how long the fit took
   * @param chosen whether it was kept
   */
  public record Trial(
      String algorithm,
      Map<String, Object> hyperParameters,
      double validationNdcg,
      long fitMillis,
      boolean chosen) {}

  /**
   * The chosen setting, its validation score, every setting tried, how long the search took (fits
   * and scoring) and what ended it ({@link TuningBudget.Stop#wireName()}).
   */
  public record Tuned(
      CollaborativeOptions options,
      double validationNdcg,
      List<Trial> trials,
      long millis,
      String stoppedBy) {}

  /** One hyper-parameter's grid: the variants of the current best setting to try. */
  private interface Axis extends Function<CollaborativeOptions, List<CollaborativeOptions>> {}

  /** Tunes {@code algorithm} on {@code validation} within {@code budget}. */
  public static Tuned tune(
      String algorithm, Validation validation, long seed, TuningBudget budget, Progress progress) {
    return search(algorithm, axes(algorithm), validation, seed, budget, progress);
  }

  /** Only the starting setting, scored on {@code validation} (tuning off). */
  public static Tuned untuned(
      String algorithm, Validation validation, long seed, Progress progress) {
    return search(
        algorithm,
        List.of(),
        validation,
        seed,
        TuningBudget.wholeGrid(Duration.ofDays(1)),
        progress);
  }

  private static Tuned search(
      String algorithm,
      List<Axis> axes,
      Validation validation,
      long seed,
      TuningBudget budget,
      Progress progress) {
    long started = System.nanoTime();
    TuningBudget.Spending spending = budget.start();
    CollaborativeOptions best = start(algorithm, seed);
    double bestNdcg = Double.NEGATIVE_INFINITY;
    List<Trial> trials = new ArrayList<>();
    List<Map<String, Object>> tried = new ArrayList<>();
    int step = 0;
    CollaborativeOptions origin = best;
    int planned = 1 + axes.stream().mapToInt(a -> a.apply(origin).size()).sum();
    List<CollaborativeOptions> first = List.of(best);
    for (int round = 0; round <= axes.size(); round++) {
      List<CollaborativeOptions> variants = round == 0 ? first : axes.get(round - 1).apply(best);
      for (CollaborativeOptions options : variants) {
        if (tried.contains(options.hyperParameters())) {
          continue;
        }
        if (!spending.tryOne()) {
          LOG.info(
              "tuning {} stopped after {} settings by its {} budget ({})",
              algorithm,
              spending.fitted(),
              spending.stop().wireName(),
              budget);
          return done(best, bestNdcg, trials, started, spending.stop());
        }
        progress.update("tune " + algorithm, step++, planned);
        long t0 = System.nanoTime();
        CollaborativeModel model = options.fit(validation.interactions());
        long fitMillis = (System.nanoTime() - t0) / 1_000_000;
        double ndcg =
            validation.ndcg(
                new CollaborativeList(
                    algorithm,
                    model,
                    validation.snapshot().data(),
                    validation.partition().known(),
                    validation.snapshot().signals().catalog()));
        tried.add(options.hyperParameters());
        trials.add(new Trial(algorithm, options.hyperParameters(), ndcg, fitMillis, false));
        LOG.info(
            "validation NDCG@10 {} for {} {} (fit {} ms)",
            String.format(java.util.Locale.ROOT, "%.4f", ndcg),
            algorithm,
            options.hyperParameters(),
            fitMillis);
        if (ndcg > bestNdcg) {
          bestNdcg = ndcg;
          best = options;
        }
      }
    }
    progress.update("tune " + algorithm, planned, planned);
    return done(best, bestNdcg, trials, started, spending.stop());
  }

  private static Tuned done(
      CollaborativeOptions best,
      double ndcg,
      List<Trial> trials,
      long started,
      TuningBudget.Stop stop) {
    List<Trial> marked = new ArrayList<>();
    for (Trial t : trials) {
      marked.add(
          new Trial(
              t.algorithm(),
              t.hyperParameters(),
              t.validationNdcg(),
              t.fitMillis(),
              t.hyperParameters().equals(best.hyperParameters())));
    }
    return new Tuned(
        best,
        ndcg,
        List.copyOf(marked),
        (System.nanoTime() - started) / 1_000_000,
        stop.wireName());
  }

  /** The starting setting of each algorithm (the defaults when tuning is off). */
  public static CollaborativeOptions start(String algorithm, long seed) {
    return switch (algorithm) {
      case AlsOptions.ALGORITHM -> AlsOptions.defaults(seed);
      case EaseOptions.ALGORITHM -> EaseOptions.defaults();
      case ItemKnnOptions.COSINE -> ItemKnnOptions.cosine(100, 10);
      case ItemKnnOptions.RP3BETA -> ItemKnnOptions.rp3beta(200, 0.75, 0.3);
      case FanKnnOptions.ALGORITHM -> FanKnnOptions.defaults();
      default -> throw new IllegalArgumentException("unknown algorithm '" + algorithm + "'");
    };
  }

  private static List<Axis> axes(String algorithm) {
    return switch (algorithm) {
      case AlsOptions.ALGORITHM ->
          List.of(
              o ->
                  map(
                      List.of(0.01, 0.03, 0.1, 0.3, 1.0),
                      v -> als(o).with(als(o).factors(), als(o).regularization(), v)),
              o ->
                  map(
                      List.of(0.001, 0.003, 0.01, 0.03, 0.1),
                      v -> als(o).with(als(o).factors(), v, als(o).unobservedWeight())),
              o ->
                  map(
                      List.of(32, 64, 128, 256),
                      v -> als(o).with(v, als(o).regularization(), als(o).unobservedWeight())));
      case EaseOptions.ALGORITHM ->
          List.of(
              o ->
                  map(
                      List.of(50.0, 200.0, 800.0, 3200.0),
                      v -> ((EaseOptions) o).withRegularization(v)));
      case ItemKnnOptions.COSINE ->
          List.of(
              o ->
                  map(
                      List.of(0.0, 10.0, 50.0, 200.0),
                      v -> ItemKnnOptions.cosine(knn(o).neighbours(), v)),
              o ->
                  map(
                      List.of(20, 50, 100, 200, 500),
                      v -> ItemKnnOptions.cosine(v, knn(o).shrinkage())));
      case ItemKnnOptions.RP3BETA ->
          List.of(
              o ->
                  map(
                      List.of(0.0, 0.2, 0.4, 0.6),
                      v -> ItemKnnOptions.rp3beta(knn(o).neighbours(), knn(o).alpha(), v)),
              o ->
                  map(
                      List.of(0.5, 0.75, 1.0),
                      v -> ItemKnnOptions.rp3beta(knn(o).neighbours(), v, knn(o).beta())),
              o ->
                  map(
                      List.of(50, 200, 500),
                      v -> ItemKnnOptions.rp3beta(v, knn(o).alpha(), knn(o).beta())));
      case FanKnnOptions.ALGORITHM ->
          List.of(
              o ->
                  map(
                      List.of(20, 50, 100, 200),
                      v -> ((FanKnnOptions) o).with(v, ((FanKnnOptions) o).shrinkage())),
              o ->
                  map(
                      List.of(0.0, 10.0, 50.0),
                      v -> ((FanKnnOptions) o).with(((FanKnnOptions) o).neighbours(), v)));
      default -> throw new IllegalArgumentException("unknown algorithm '" + algorithm + "'");
    };
  }

  private static AlsOptions als(CollaborativeOptions o) {
    return (AlsOptions) o;
  }

  private static ItemKnnOptions knn(CollaborativeOptions o) {
    return (ItemKnnOptions) o;
  }

  private static <T> List<CollaborativeOptions> map(
      List<T> values, Function<T, CollaborativeOptions> variant) {
    return values.stream().map(variant).toList();
  }
}
