package io.fanshelf.training;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.aggregate.AggregateOptions;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.Section;
import io.fanshelf.recommender.feature.FeatureSchema;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.dataset.TrainingData;
import io.fanshelf.training.model.TrainedModel;
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
 * Trains FanShelf's model on the latest window of a data directory and stores it in the model
 * registry, unpublished: what the CLI's {@code train} and the API's retrain endpoint both run.
 * Publishing stays a separate, deliberate step. Not thread-safe; one retraining at a time per
 * registry is the caller's business.
 */
public final class Retraining {
  private final Indexer indexer;
  private final RecommenderOptions recommender;
  private final UnaryOperator<AggregateOptions> aggregates;
  private final Clock clock;

  /**
   * @param recommender serving's recommender options (the candidate sources the model learns from)
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

  /**
   * What to train.
   *
   * @param split how the label window is cut from the end of the log
   * @param algorithm {@code gbt} or {@code logistic}
   * @param options sampling, model and tuning options
   */
  public record Request(Split split, String algorithm, TrainingOptions options) {
    public Request {
      Objects.requireNonNull(split, "split");
      Objects.requireNonNull(options, "options");
      if (!"gbt".equals(algorithm) && !"logistic".equals(algorithm)) {
        throw new IllegalArgumentException(
            "algorithm must be gbt or logistic, got '" + algorithm + "'");
      }
    }
  }

  /**
   * What was trained and stored.
   *
   * @param info the stored artifact's description (its id names it in the registry)
   * @param trained the datasets and tuning behind it
   */
  public record Result(ArtifactInfo info, Trainer.Trained trained) {}

  /**
   * Loads the data, trains and stores the model.
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
    TrainedModel model = request.algorithm().equals("gbt") ? trained.gbt() : trained.logistic();
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("candidateRecall", trained.dataset().candidateRecall());
    metrics.put("fans", (double) trained.dataset().fans());
    for (Trainer.Tuning t : trained.tuning()) {
      if (t.chosen() && t.model().equals(request.algorithm())) {
        metrics.put("validationNdcg@10", t.validationNdcg());
      }
    }
    ArtifactInfo info =
        new ArtifactInfo(
            ModelArtifact.FORMAT_VERSION,
            "pending",
            request.algorithm(),
            model.options().hyperParameters(),
            FeatureSchema.names(),
            new ArtifactInfo.DataWindow(
                trained.dataset().featuresAt().toString(),
                trained.dataset().window(),
                trained.dataset().examples(),
                trained.dataset().positives()),
            request.options().seed(),
            metrics,
            clock.instant().toString(),
            false,
            servingRequirements(loaded));
    return new Result(registry.save(model, info, clock.instant()), trained);
  }

  /** The settings serving must share for a model's features to mean what they meant in training. */
  public static Map<String, String> servingRequirements(TrainingData data) {
    Map<String, String> serving = new LinkedHashMap<>();
    AggregateOptions aggregates = data.aggregates();
    serving.put("popularityHalfLife", aggregates.popularityHalfLife().toString());
    serving.put("trendHalfLife", aggregates.trendHalfLife().toString());
    serving.put("affinityHalfLife", aggregates.affinityHalfLife().toString());
    serving.put(
        "forYouSources", String.join(",", data.recommender().sources().get(Section.FOR_YOU)));
    return serving;
  }
}
