package io.fanshelf.training;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.aggregate.AggregateOptions;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.ranking.FeatureRanker;
import io.fanshelf.recommender.ranking.LinearRanker;
import io.fanshelf.recommender.ranking.Ranker;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.settings.FeatureSettings;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.dataset.TrainingData;
import io.fanshelf.training.registry.ArtifactInfo;
import io.fanshelf.training.registry.ModelArtifact;
import io.fanshelf.training.registry.ModelRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Trains on a data directory's events and stores the result in the model registry, unpublished:
 * what the CLI's {@code train}, the API's retrain endpoint, scheduled retraining and the validated
 * default all run. By default the stored ranking is the one validation chose to serve (the learned
 * ranker, popularity or one collaborative model, whichever ranked the validation window best);
 * asked for the learned ranker, it stores that even when it lost. Publishing stays a separate,
 * gated step. Not thread-safe; one retraining at a time per registry is the caller's business.
 */
public final class Retraining {
  private final Indexer indexer;
  private final RecommenderOptions recommender;
  private final UnaryOperator<AggregateOptions> aggregates;
  private final Clock clock;

  /**
   * @param recommender serving's recommender options (the candidate sources the ranking learns)
   * @param aggregates changes the indexer's aggregate options for training (half-lives), or leaves
   *     them; whatever it returns is recorded as a serving requirement in the artifact
   */
  public Retraining(
      Indexer indexer,
      RecommenderOptions recommender,
      UnaryOperator<AggregateOptions> aggregates,
      Clock clock) {
    this.indexer = Objects.requireNonNull(indexer, "indexer");
    this.recommender = Objects.requireNonNull(recommender, "recommender");
    this.aggregates = Objects.requireNonNull(aggregates, "aggregates");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Which ranking to store. */
  public enum Keep {
    /** The ranking validation chose to serve. */
    SERVED,
    /** The learned ranker, whatever validation said of it. */
    LEARNED;

    /** {@code served} or {@code learned}. */
    public static Keep parse(String text) {
      return switch (text) {
        case "served" -> SERVED;
        case "learned" -> LEARNED;
        default ->
            throw new IllegalArgumentException(
                "expected served (the ranking validation chooses) or learned, got '" + text + "'");
      };
    }
  }

  /**
   * What to train.
   *
   * @param split how the validation window is cut from the end of the log
   * @param keep which ranking to store
   * @param options sampling, ranker and tuning options
   */
  public record Request(Split split, Keep keep, TrainingOptions options) {
    public Request {
      Objects.requireNonNull(split, "split");
      Objects.requireNonNull(keep, "keep");
      Objects.requireNonNull(options, "options");
    }
  }

  /**
   * What was trained and stored.
   *
   * @param info the stored artifact's description (its id names it in the registry)
   * @param trained the choices and datasets behind it
   */
  public record Result(ArtifactInfo info, Trainer.Trained trained) {}

  /**
   * Loads the data, trains and stores the ranking.
   *
   * @throws IllegalArgumentException when the data holds too few events to learn from
   */
  public Result run(Request request, ModelRegistry registry, Progress progress) throws IOException {
    progress.update("load", 0, 1);
    TrainingData loaded = TrainingData.load(indexer, recommender);
    loaded = loaded.withAggregates(aggregates.apply(loaded.aggregates()));
    progress.update("load", 1, 1);
    if (loaded.log().size() < 2) {
      throw new IllegalArgumentException(
          indexer.options().dataDir()
              + " holds "
              + loaded.log().size()
              + " events; training needs events to learn from");
    }
    Trainer trainer = new Trainer(loaded, request.options(), progress);
    Trainer.Trained trained = trainer.train(request.split(), e -> true, false);
    RankingModel model = request.keep() == Keep.SERVED ? trained.served() : trained.learned();
    String ranking = request.keep() == Keep.SERVED ? model.name() : Trainer.LEARNED;
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(ArtifactInfo.VALIDATION_NDCG, trained.ndcg(ranking));
    metrics.put("candidateRecall", trained.dataset().candidateRecall());
    metrics.put("groups", (double) trained.dataset().fans());
    Map<String, Double> validation = new LinkedHashMap<>();
    trained.selection().forEach(c -> validation.put(c.ranking(), c.validationNdcg()));
    trained.baselines().forEach((name, ndcg) -> validation.put(ArtifactInfo.BASELINE + name, ndcg));
    Ranker ranker = model.ranker();
    ArtifactInfo info =
        new ArtifactInfo(
            ModelArtifact.FORMAT_VERSION,
            "pending",
            ranking,
            algorithm(ranker),
            hyperParameters(ranker, trained),
            collaborativeOf(model, trained),
            model.usesLabels(),
            Feature.names(),
            new ArtifactInfo.DataWindow(
                trained.dataset().featuresAt().toString(),
                trained.dataset().window(),
                trained.dataset().examples(),
                trained.dataset().positives()),
            request.options().seed(),
            metrics,
            validation,
            clock.instant().toString(),
            false,
            servingRequirements(loaded));
    return new Result(registry.save(model, info, clock.instant()), trained);
  }

  private static String algorithm(Ranker ranker) {
    return switch (ranker) {
      case FeatureRanker f -> "one-feature";
      case LinearRanker l -> Trainer.BLEND.equals(l.name()) ? Trainer.BLEND : "logistic";
      default -> "lambdamart";
    };
  }

  private static Map<String, Object> hyperParameters(Ranker ranker, Trainer.Trained trained) {
    if (ranker instanceof FeatureRanker f) {
      return Map.of("primary", f.primary().key(), "secondary", f.secondary().key());
    }
    Map<String, Object> settings =
        new LinkedHashMap<>(
            trained.tuning().stream()
                .filter(t -> t.chosen() && t.model().equals(algorithm(ranker)))
                .findFirst()
                .map(Trainer.Tuning::hyperParameters)
                .orElse(Map.of()));
    if (ranker instanceof io.fanshelf.recommender.ranking.TreeEnsemble) {
      settings.put("boostedFrom", trained.base());
    }
    return settings;
  }

  private static Map<String, Map<String, Object>> collaborativeOf(
      RankingModel model, Trainer.Trained trained) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (var m : model.collaborative().models()) {
      Map<String, Object> settings = trained.models().get(m.algorithm());
      out.put(m.algorithm(), settings == null ? Map.of() : settings);
    }
    return out;
  }

  /**
   * The settings serving must share for a model's features to mean what they meant in training, by
   * configuration key ({@link FeatureSettings}).
   */
  public static Map<String, String> servingRequirements(TrainingData data) {
    return FeatureSettings.of(data.feedback(), data.aggregates(), data.recommender()).values();
  }
}
