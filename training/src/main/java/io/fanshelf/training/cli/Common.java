package io.fanshelf.training.cli;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.aggregate.AggregateOptions;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.Section;
import io.fanshelf.recommender.settings.RankingSettings;
import io.fanshelf.training.Progress;
import io.fanshelf.training.Trainer;
import io.fanshelf.training.TrainingOptions;
import io.fanshelf.training.TuningBudget;
import io.fanshelf.training.dataset.SamplingOptions;
import io.fanshelf.training.dataset.TrainingData;
import io.fanshelf.training.model.LambdaMartOptions;
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

  @Option(
      names = "--config",
      description =
          "The server's application.yml: its fanshelf.recommend.*, fanshelf.feedback.* and"
              + " fanshelf.aggregates.* keys set the candidate sources, positive feedback and"
              + " aggregates as the server uses them (default: the built-in defaults, as in the"
              + " shipped application.yml). A model trained with other feature settings than the"
              + " server's is refused by it.")
  Path config;

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
      defaultValue = "20",
      description =
          "Sampled negatives per positive, 0 for every candidate (default ${DEFAULT-VALUE}).")
  double negatives;

  @Option(
      names = "--example-fans",
      defaultValue = "" + SamplingOptions.MAX_FANS,
      description =
          "Most fans of a window the ranker's examples come from, evenly spaced by fan id (default"
              + " ${DEFAULT-VALUE}).")
  int exampleFans;

  @Option(
      names = "--popularity-exponent",
      defaultValue = "0.5",
      description = "Negative sampling weight (popularity+1)^x (default ${DEFAULT-VALUE}).")
  double popularityExponent;

  @Option(
      names = "--no-tune",
      description =
          "Skip choosing settings on the validation window (the collaborative models' starting"
              + " settings, LambdaMART as given).")
  boolean noTune;

  @Option(
      names = "--tuning-budget",
      defaultValue = "120",
      description =
          "Most seconds of tuning per collaborative algorithm and for the ranker, a safety bound:"
              + " the best setting found by then is kept and the report says the time ended the"
              + " search (default ${DEFAULT-VALUE}).")
  int tuningBudgetSeconds;

  @Option(
      names = "--tuning-settings",
      description =
          "Most settings fitted per collaborative algorithm and for the ranker, in the search's"
              + " fixed order (default: every setting of each grid). A count, unlike the time"
              + " bound, gives the same report on any machine.")
  Integer tuningSettings;

  @Option(
      names = "--newcomer-share",
      defaultValue = "0.2",
      description =
          "Share of training fans also shown to the ranker as newcomers, labels and no history"
              + " (default ${DEFAULT-VALUE}); none when no fan is labelled.")
  double newcomerShare;

  @Option(
      names = "--examples",
      defaultValue = "last:0.2",
      description =
          "How the ranker's training examples are cut: last:F (each fan's last F of events, so"
              + " every fan is an example) or time:F (default ${DEFAULT-VALUE}).")
  String examples;

  @Option(
      names = "--trees",
      defaultValue = "200",
      description = "LambdaMART trees; tuning tries half and double (default ${DEFAULT-VALUE}).")
  int trees;

  @Option(
      names = "--leaves",
      defaultValue = "16",
      description = "LambdaMART leaves per tree (default ${DEFAULT-VALUE}).")
  int leaves;

  @Option(
      names = "--min-leaf-size",
      defaultValue = "50",
      description = "LambdaMART examples per leaf (default ${DEFAULT-VALUE}).")
  int minLeafSize;

  @Option(
      names = "--shrinkage",
      defaultValue = "0.1",
      description = "LambdaMART learning rate (default ${DEFAULT-VALUE}).")
  double shrinkage;

  @Option(
      names = "--subsample",
      defaultValue = "0.8",
      description = "LambdaMART share of examples per tree (default ${DEFAULT-VALUE}).")
  double subsample;

  @Option(
      names = "--lambda",
      defaultValue = "1.0",
      description = "Logistic ranker's L2 penalty (default ${DEFAULT-VALUE}).")
  double lambda;

  @Option(
      names = "--popularity-half-life",
      description =
          "Days; overrides the aggregates' popularity half-life (default: --config's, else 14)."
              + " Serving must use the same value for the model's features to match.")
  Integer popularityHalfLifeDays;

  @Option(
      names = "--affinity-half-life",
      description =
          "Days; overrides the aggregates' fan-affinity half-life (default: --config's, else 30).")
  Integer affinityHalfLifeDays;

  @Option(
      names = "--sources",
      split = ",",
      description =
          "Candidate sources of the main list, e.g. label-match,co-visit,affinity,popular"
              + " (default: --config's). Serving must be configured the same.")
  List<String> sources;

  private RankingSettings settings;

  /** The ranking settings of {@code --config}, read once; the defaults without it. */
  RankingSettings settings() throws IOException {
    if (settings == null) {
      settings = config == null ? RankingSettings.defaults() : ConfigFile.read(config);
    }
    return settings;
  }

  RecommenderOptions recommender() throws IOException {
    RecommenderOptions base = settings().recommenderOptions();
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
    if (tuningBudgetSeconds < 1) {
      throw new IllegalArgumentException(
          "--tuning-budget must be at least 1 second, got " + tuningBudgetSeconds);
    }
    if (tuningSettings != null && tuningSettings < 1) {
      throw new IllegalArgumentException(
          "--tuning-settings must be at least 1, got " + tuningSettings);
    }
    return new TrainingOptions(
        TrainingOptions.parseTargets(positives),
        allowRepeats,
        new SamplingOptions(negatives, popularityExponent, exampleFans, seed),
        new LambdaMartOptions(trees, leaves, minLeafSize, shrinkage, subsample, 10, seed),
        new LogisticOptions(lambda, 1e-5, 500, seed),
        !noTune,
        new TuningBudget(
            tuningSettings == null ? TuningBudget.WHOLE_GRID : tuningSettings,
            Duration.ofSeconds(tuningBudgetSeconds)),
        newcomerShare,
        io.fanshelf.training.dataset.Split.parse(examples),
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
    return Indexer.open(settings().indexerOptions(data));
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
