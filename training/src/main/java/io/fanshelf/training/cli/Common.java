package io.fanshelf.training.cli;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.aggregate.AggregateOptions;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.Section;
import io.fanshelf.training.Progress;
import io.fanshelf.training.Trainer;
import io.fanshelf.training.TrainingOptions;
import io.fanshelf.training.dataset.SamplingOptions;
import io.fanshelf.training.dataset.TrainingData;
import io.fanshelf.training.model.GbtOptions;
import io.fanshelf.training.model.LogisticOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every training command shares: the data directory, seed, positives, sampling, models. */
final class Common {
  @Option(names = "--data", required = true, description = "FanShelf data directory.")
  Path data;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--positives",
      defaultValue = "purchase",
      description =
          "Positive event types in a label window, e.g. purchase,cart,rating>=4 (default"
              + " ${DEFAULT-VALUE}).")
  String positives;

  @Option(
      names = "--allow-repeats",
      description = "Keep products a fan interacted with before as positives and in the ranking.")
  boolean allowRepeats;

  @Option(
      names = "--negatives",
      defaultValue = "50",
      description =
          "Sampled negatives per positive, 0 for every candidate (default ${DEFAULT-VALUE}).")
  double negatives;

  @Option(
      names = "--popularity-exponent",
      defaultValue = "0.5",
      description = "Negative sampling weight (popularity+1)^x (default ${DEFAULT-VALUE}).")
  double popularityExponent;

  @Option(names = "--no-tune", description = "Skip choosing hyper-parameters on validation.")
  boolean noTune;

  @Option(
      names = "--trees",
      defaultValue = "200",
      description = "GBT trees (default ${DEFAULT-VALUE}).")
  int trees;

  @Option(
      names = "--max-depth",
      defaultValue = "6",
      description = "GBT depth (default ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(
      names = "--max-nodes",
      defaultValue = "16",
      description = "GBT leaves (default ${DEFAULT-VALUE}).")
  int maxNodes;

  @Option(
      names = "--node-size",
      defaultValue = "20",
      description = "GBT minimum leaf size (default ${DEFAULT-VALUE}).")
  int nodeSize;

  @Option(
      names = "--shrinkage",
      defaultValue = "0.05",
      description = "GBT learning rate (default ${DEFAULT-VALUE}).")
  double shrinkage;

  @Option(
      names = "--subsample",
      defaultValue = "0.7",
      description = "GBT row sample per tree (default ${DEFAULT-VALUE}).")
  double subsample;

  @Option(
      names = "--lambda",
      defaultValue = "0.1",
      description = "Logistic L2 penalty (default ${DEFAULT-VALUE}).")
  double lambda;

  @Option(
      names = "--popularity-half-life",
      description =
          "Days; overrides the aggregates' popularity half-life (default: the indexer's, 14). Serving"
              + " must use the same value for the model's features to match.")
  Integer popularityHalfLifeDays;

  @Option(
      names = "--affinity-half-life",
      description = "Days; overrides the aggregates' fan-affinity half-life (default: 30).")
  Integer affinityHalfLifeDays;

  @Option(
      names = "--sources",
      split = ",",
      description =
          "Candidate sources of the main list, e.g. label-match,co-visit,affinity,popular"
              + " (default: serving's). Serving must be configured the same.")
  List<String> sources;

  RecommenderOptions recommender() {
    RecommenderOptions base = RecommenderOptions.defaults();
    if (sources == null || sources.isEmpty()) {
      return base;
    }
    Map<Section, List<String>> bySection = new EnumMap<>(base.sources());
    bySection.put(Section.FOR_YOU, List.copyOf(sources));
    return new RecommenderOptions(
        bySection,
        base.fallback(),
        base.budgetPerSource(),
        base.minCandidates(),
        base.historyLimit(),
        base.rules(),
        base.leadersRefresh());
  }

  AggregateOptions aggregates(AggregateOptions base) {
    if (popularityHalfLifeDays == null && affinityHalfLifeDays == null) {
      return base;
    }
    Duration popularity =
        popularityHalfLifeDays == null ? base.popularityHalfLife() : days(popularityHalfLifeDays);
    Duration affinity =
        affinityHalfLifeDays == null ? base.affinityHalfLife() : days(affinityHalfLifeDays);
    Duration trend =
        base.trendHalfLife().compareTo(popularity) < 0
            ? base.trendHalfLife()
            : popularity.dividedBy(7);
    return base.withHalfLives(popularity, trend, affinity);
  }

  private static Duration days(int n) {
    if (n < 1 || n > 3650) {
      throw new IllegalArgumentException("half-life must be between 1 and 3650 days, got " + n);
    }
    return Duration.ofDays(n);
  }

  TrainingOptions options() {
    return new TrainingOptions(
        TrainingOptions.parseTargets(positives),
        allowRepeats,
        new SamplingOptions(negatives, popularityExponent, seed),
        new GbtOptions(trees, maxDepth, maxNodes, nodeSize, shrinkage, subsample, seed),
        new LogisticOptions(lambda, 1e-5, 500, seed),
        !noTune,
        seed);
  }

  /** Opens the data directory; a missing one is a usage error. */
  Indexer open() throws IOException {
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException(
          "no data directory at "
              + data
              + "; import data first: java -jar indexer/target/fanshelf-indexer.jar import --data "
              + data
              + " --dir demo");
    }
    return Indexer.open(IndexerOptions.of(data));
  }

  Trainer trainer(Indexer indexer, Progress progress) throws IOException {
    TrainingOptions options = options(); // validates before the slow load
    progress.update("load", 0, 1);
    TrainingData loaded = TrainingData.load(indexer, recommender());
    loaded = loaded.withAggregates(aggregates(loaded.aggregates()));
    progress.update("load", 1, 1);
    if (loaded.log().size() < 2) {
      throw new IllegalArgumentException(
          data + " holds " + loaded.log().size() + " events; training needs events to learn from");
    }
    return new Trainer(loaded, options, progress);
  }
}
