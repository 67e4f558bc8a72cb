package io.fanshelf.training;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.recommender.feature.FeatureSchema;
import io.fanshelf.recommender.ranking.Ranker;
import io.fanshelf.training.dataset.Dataset;
import io.fanshelf.training.dataset.DatasetBuilder;
import io.fanshelf.training.dataset.FanCandidates;
import io.fanshelf.training.dataset.Partition;
import io.fanshelf.training.dataset.Snapshot;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.dataset.TrainingData;
import io.fanshelf.training.eval.Baselines;
import io.fanshelf.training.eval.Evaluator;
import io.fanshelf.training.eval.Order;
import io.fanshelf.training.model.Fit;
import io.fanshelf.training.model.GbtOptions;
import io.fanshelf.training.model.LogisticOptions;
import io.fanshelf.training.model.ModelOptions;
import io.fanshelf.training.model.ModelRanker;
import io.fanshelf.training.model.TrainedModel;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training module's front door: builds leak-free datasets from a split, chooses
 * hyper-parameters on a validation window cut from the training period, and fits the models.
 * Evaluation ({@link Evaluation}) and the CLI build on it. Not thread-safe; uses the common
 * fork-join pool for per-fan work.
 */
public final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  /** Fans whose candidates are kept to validate hyper-parameters (bounds memory). */
  static final int VALIDATION_FANS = 3_000;

  private final TrainingData data;
  private final TrainingOptions options;
  private final Progress progress;

  public Trainer(TrainingData data, TrainingOptions options, Progress progress) {
    this.data = data;
    this.options = options;
    this.progress = progress;
  }

  public TrainingData data() {
    return data;
  }

  public TrainingOptions options() {
    return options;
  }

  public Progress progress() {
    return progress;
  }

  /**
   * One hyper-parameter setting tried on the validation window.
   *
   * @param model {@code gbt} or {@code logistic}
   * @param hyperParameters the setting
   * @param validationNdcg mean NDCG@10 of the validation fans' FanShelf rankings
   * @param chosen whether it was kept
   */
  public record Tuning(
      String model, Map<String, Object> hyperParameters, double validationNdcg, boolean chosen) {}

  /**
   * What {@link #train} produced.
   *
   * @param gbt the tree model (FanShelf's model)
   * @param logistic the logistic model
   * @param gbtWithoutLabels the tree model trained with the fans' labels hidden, when asked for
   * @param dataset the training dataset (its arrays are dropped: counts only)
   * @param tuning every setting tried, empty when tuning was off
   * @param timingsMs time per step
   */
  public record Trained(
      TrainedModel gbt,
      TrainedModel logistic,
      java.util.Optional<TrainedModel> gbtWithoutLabels,
      DatasetSummary dataset,
      List<Tuning> tuning,
      Map<String, Long> timingsMs) {}

  /** A dataset's counts and window, without its rows. */
  public record DatasetSummary(
      Instant featuresAt,
      String window,
      int fans,
      int examples,
      long positives,
      double candidateRecall) {
    static DatasetSummary of(Dataset d) {
      return new DatasetSummary(
          d.featuresAt(),
          d.window(),
          d.fans().size(),
          d.size(),
          d.positives(),
          d.candidateRecall());
    }
  }

  /** The dataset of a split: features before its cutoff, labels after, over the events accepted. */
  public Dataset dataset(Split split, Predicate<Event> among, boolean hideLabels)
      throws IOException {
    Partition part = split.partition(data, among, options.targets(), options.allowRepeats());
    Snapshot snapshot = snapshot(part, "snapshot");
    return build(snapshot, part, hideLabels, "dataset", null);
  }

  /**
   * Trains on {@code split} of the events {@code among} accepts: features before its cutoff, labels
   * in its label window. With tuning on, the same split applied inside the known events gives a
   * validation window on which the settings are compared; the test period is never looked at.
   */
  public Trained train(Split split, Predicate<Event> among, boolean withoutLabelsToo)
      throws IOException {
    Map<String, Long> timings = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    Partition part = split.partition(data, among, options.targets(), options.allowRepeats());
    Snapshot snapshot = snapshot(part, "snapshot (training)");
    timings.put("trainingSnapshot", ms(t0));
    long t1 = System.nanoTime();
    List<FanCandidates> validation = options.tune() ? new ArrayList<>() : null;
    Dataset dataset = build(snapshot, part, false, "dataset (training)", validation);
    timings.put("trainingDataset", ms(t1));
    LOG.info(
        "training dataset {}: {} examples, {} positives, {} fans, candidate recall {}",
        dataset.window(),
        dataset.size(),
        dataset.positives(),
        dataset.fans().size(),
        String.format(java.util.Locale.ROOT, "%.3f", dataset.candidateRecall()));
    GbtOptions gbtOptions = options.gbt();
    LogisticOptions logisticOptions = options.logistic();
    List<Tuning> tuning = new ArrayList<>();
    if (options.tune()) {
      long t2 = System.nanoTime();
      Partition inner =
          split.inner().partition(data, part.known(), options.targets(), options.allowRepeats());
      Snapshot tuneSnapshot = snapshot(inner, "snapshot (validation)");
      Dataset tuneData = build(tuneSnapshot, inner, false, "dataset (validation)", null);
      Order popular = Baselines.popularity(snapshot, part.known(), options.targets());
      gbtOptions = (GbtOptions) choose(gbtGrid(), tuneData, snapshot, validation, popular, tuning);
      logisticOptions =
          (LogisticOptions) choose(logisticGrid(), tuneData, snapshot, validation, popular, tuning);
      validation.clear();
      timings.put("tuning", ms(t2));
    }
    long t3 = System.nanoTime();
    progress.update("fit gbt", 0, 1);
    TrainedModel gbt = Fit.fit(dataset, gbtOptions);
    progress.update("fit gbt", 1, 1);
    TrainedModel logistic = Fit.fit(dataset, logisticOptions);
    timings.put("fit", ms(t3));
    java.util.Optional<TrainedModel> withoutLabels = java.util.Optional.empty();
    if (withoutLabelsToo) {
      long t4 = System.nanoTime();
      Dataset hidden = build(snapshot, part, true, "dataset (labels hidden)", null);
      withoutLabels = java.util.Optional.of(Fit.fit(hidden, gbtOptions));
      timings.put("fitWithoutLabels", ms(t4));
    }
    return new Trained(
        gbt,
        logistic,
        withoutLabels,
        DatasetSummary.of(dataset),
        Collections.unmodifiableList(tuning),
        timings);
  }

  /** Settings compared when tuning: the configured one and two around it. */
  List<ModelOptions> gbtGrid() {
    GbtOptions base = options.gbt();
    return List.of(
        base,
        new GbtOptions(
            Math.max(50, base.trees() / 2), 4, 8, 100, 0.1, base.subsample(), base.seed()),
        base.withTrees(base.trees() * 2).withShape(8, 32).withShrinkage(0.03));
  }

  List<ModelOptions> logisticGrid() {
    LogisticOptions base = options.logistic();
    return List.of(
        base,
        new LogisticOptions(0.001, base.tolerance(), base.maxIterations(), base.seed()),
        new LogisticOptions(10, base.tolerance(), base.maxIterations(), base.seed()));
  }

  private ModelOptions choose(
      List<ModelOptions> grid,
      Dataset tuneData,
      Snapshot snapshot,
      List<FanCandidates> validation,
      Order popular,
      List<Tuning> tuning) {
    ModelOptions best = grid.getFirst();
    double bestNdcg = -1;
    List<Tuning> tried = new ArrayList<>();
    for (int g = 0; g < grid.size(); g++) {
      ModelOptions candidate = grid.get(g);
      progress.update("tune " + candidate.algorithm(), g, grid.size());
      TrainedModel model = Fit.fit(tuneData, candidate);
      Ranker ranker = new ModelRanker("validation", FeatureSchema.names(), model);
      double ndcg =
          validation.parallelStream()
              .mapToDouble(
                  c -> Evaluator.ndcgAt10(snapshot, c, ranker, popular, options.allowRepeats()))
              .average()
              .orElse(0);
      tried.add(new Tuning(candidate.algorithm(), candidate.hyperParameters(), ndcg, false));
      LOG.info(
          "validation NDCG@10 {} for {} {}",
          ndcg,
          candidate.algorithm(),
          candidate.hyperParameters());
      if (ndcg > bestNdcg) {
        bestNdcg = ndcg;
        best = candidate;
      }
    }
    progress.update("tune " + best.algorithm(), grid.size(), grid.size());
    for (Tuning t : tried) {
      tuning.add(
          new Tuning(
              t.model(),
              t.hyperParameters(),
              t.validationNdcg(),
              t.hyperParameters().equals(best.hyperParameters())));
    }
    return best;
  }

  Snapshot snapshot(Partition part, String stage) throws IOException {
    progress.update(stage, 0, 1);
    Snapshot snapshot = Snapshot.build(data, part.known(), part.aggregatesAt());
    progress.update(stage, 1, 1);
    return snapshot;
  }

  private Dataset build(
      Snapshot snapshot,
      Partition part,
      boolean hideLabels,
      String stage,
      List<FanCandidates> keep) {
    int total = part.cases().size();
    int every = Math.max(1, (total + VALIDATION_FANS - 1) / VALIDATION_FANS);
    java.util.function.Consumer<FanCandidates> keeper =
        keep == null
            ? c -> {}
            : c -> {
              synchronized (keep) {
                keep.add(c);
              }
            };
    Dataset dataset =
        DatasetBuilder.build(
            snapshot,
            part,
            options.sampling(),
            hideLabels,
            options.allowRepeats(),
            done -> progress.update(stage, done, total),
            every,
            keeper);
    if (keep != null) {
      keep.sort((a, b) -> a.fanCase().fan().compareTo(b.fanCase().fan()));
    }
    return dataset;
  }

  static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
