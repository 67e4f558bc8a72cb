package io.fanshelf.training;

import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.ranking.TreeEnsemble;
import io.fanshelf.training.collaborative.Interactions;
import io.fanshelf.training.dataset.FanCase;
import io.fanshelf.training.dataset.Partition;
import io.fanshelf.training.dataset.Snapshot;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.eval.Baselines;
import io.fanshelf.training.eval.CollaborativeList;
import io.fanshelf.training.eval.EvaluationReport;
import io.fanshelf.training.eval.Evaluator;
import io.fanshelf.training.eval.ListModel;
import io.fanshelf.training.eval.MetricTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluation run: split the events, train on the training period only (everything chosen on a
 * validation window inside it), then rank the whole catalog for every test fan with the learned
 * ranking, the ranking validation would serve, the learned ranking without labels, a published
 * model, and the baselines (popularity, owner-popular, label-only, random, and every collaborative
 * model tuned on the same validation window), in the same run. Not thread-safe.
 */
public final class Evaluation {
  /**
   * The report's format (2: rankings with collaborative models, served choice, candidate recall).
   */
  public static final int FORMAT = 2;

  private final Trainer trainer;

  public Evaluation(Trainer trainer) {
    this.trainer = trainer;
  }

  /**
   * @param split how to split the events
   * @param minTrainingEvents test fans need at least this many positive events before the split
   * @param published a published ranking to compare, when there is one
   * @param topK how long the top lists in the result are (0 for none)
   */
  public record Request(
      Split split, int minTrainingEvents, Optional<RankingModel> published, int topK) {
    public Request {
      if (minTrainingEvents < 0) {
        throw new IllegalArgumentException(
            "minTrainingEvents must be >= 0, got " + minTrainingEvents);
      }
      if (topK < 0 || topK > 1_000) {
        throw new IllegalArgumentException("topK must be between 0 and 1000, got " + topK);
      }
    }
  }

  /** The report and every model's top-k list per test fan ({@code fan<TAB>item1,item2,...}). */
  public record Outcome(
      EvaluationReport report, Map<String, List<String>> topLists, Trainer.Trained trained) {}

  public Outcome run(Request request) throws IOException {
    TrainingOptions options = trainer.options();
    Progress progress = trainer.progress();
    Map<String, Long> timings = new LinkedHashMap<>();
    long start = System.nanoTime();
    Partition outer =
        request
            .split()
            .partition(trainer.data(), e -> true, options.targets(), options.allowRepeats());
    List<FanCase> cases = new ArrayList<>();
    for (FanCase fan : outer.cases()) {
      if (fan.trainingEvents() >= request.minTrainingEvents()) {
        cases.add(fan);
      }
    }
    Trainer.Trained trained =
        trainer.train(request.split().inner(trainer.data()), outer.known(), true);
    timings.putAll(trained.timingsMs());

    long t1 = System.nanoTime();
    Snapshot test = trainer.snapshot(outer, "snapshot (test)");
    Baselines baselines = new Baselines(test, outer.known(), options.targets(), options.seed());
    List<ListModel> lists = new ArrayList<>(baselines.lists());
    Interactions known =
        Interactions.of(
            trainer.data().log().events(),
            outer.known(),
            trainer.data().feedback(),
            id -> test.signals().catalog().ordinal(id).isPresent());
    for (var tuned : trained.collaborative().entrySet()) {
      progress.update("fit " + tuned.getKey(), 0, 1);
      lists.add(
          new CollaborativeList(
              tuned.getKey(),
              tuned.getValue().options().fit(known),
              trainer.data(),
              outer.known(),
              test.signals().catalog()));
      progress.update("fit " + tuned.getKey(), 1, 1);
    }
    timings.put("testModels", Trainer.ms(t1));

    List<Evaluator.CandidateModel> models = new ArrayList<>();
    models.add(new Evaluator.CandidateModel("fanshelf", trained.learned(), false));
    trained
        .learnedWithoutLabels()
        .ifPresent(m -> models.add(new Evaluator.CandidateModel("fanshelf-no-labels", m, true)));
    models.add(new Evaluator.CandidateModel("served", trained.served(), false));
    models.add(
        new Evaluator.CandidateModel(
            "labels-then-popularity", RankingModel.labelsThenPopularity(), false));
    request
        .published()
        .ifPresent(p -> models.add(new Evaluator.CandidateModel("published", p, false)));
    long t2 = System.nanoTime();
    Evaluator.Result result =
        Evaluator.run(
            test,
            cases,
            baselines.popular(),
            models,
            lists,
            options.allowRepeats(),
            request.topK(),
            done -> progress.update("evaluate", done, cases.size()));
    timings.put("evaluate", Trainer.ms(t2));
    timings.put("total", Trainer.ms(start));
    Map<String, Map<String, Map<String, Double>>> metrics = new LinkedHashMap<>();
    for (String name : EvaluationReport.MODEL_ORDER) {
      MetricTable table = result.tables().get(name);
      if (table != null) {
        metrics.put(name, table.means());
      }
    }
    EvaluationReport report =
        new EvaluationReport(
            FORMAT,
            split(request, outer),
            options.seed(),
            protocol(request),
            counts(cases, test, trained, metrics, result),
            training(trained),
            metrics,
            Map.of(),
            timings);
    return new Outcome(EvaluationReport.withSummary(report, trained), result.topLists(), trained);
  }

  private static Map<String, Object> split(Request request, Partition outer) {
    Map<String, Object> split = new LinkedHashMap<>();
    split.put("spec", request.split().spec());
    split.put("description", outer.description());
    split.put("testMoment", outer.aggregatesAt().toString());
    split.put("knownEvents", outer.knownEvents());
    split.put("testEvents", outer.labelEvents());
    return split;
  }

  private Map<String, Object> protocol(Request request) {
    TrainingOptions options = trainer.options();
    Map<String, Object> protocol = new LinkedHashMap<>();
    protocol.put("positives", describe(options.targets()));
    protocol.put("pairs", "each (fan, product) counts once: relevant = distinct products");
    protocol.put("allowRepeats", options.allowRepeats());
    protocol.put("minTrainingEvents", request.minTrainingEvents());
    protocol.put("fullCatalog", true);
    protocol.put(
        "rankings",
        "candidates from serving's sources and the ranking's collaborative models, ordered by its"
            + " ranker, then every other product by popularity (distinct fans before the split)");
    protocol.put("tuned", options.tune());
    protocol.put("tuningBudgetSeconds", options.tuningBudget().time().toSeconds());
    protocol.put(
        "tuningSettings",
        options.tuningBudget().settings() == TuningBudget.WHOLE_GRID
            ? null
            : options.tuningBudget().settings());
    return protocol;
  }

  private static String describe(FeedbackPolicy policy) {
    List<String> parts = new ArrayList<>();
    policy
        .weights()
        .forEach(
            (type, w) -> {
              if (w > 0) {
                Double min = policy.minimumValues().get(type);
                parts.add(type.wireName() + (min == null ? "" : ">=" + min));
              }
            });
    parts.sort(null);
    return String.join(",", parts);
  }

  private static Map<String, Object> counts(
      List<FanCase> cases,
      Snapshot test,
      Trainer.Trained trained,
      Map<String, Map<String, Map<String, Double>>> metrics,
      Evaluator.Result result) {
    Map<String, Object> counts = new LinkedHashMap<>();
    Map<String, Object> fans = new LinkedHashMap<>();
    metrics
        .getOrDefault("popularity", Map.of())
        .forEach((slice, m) -> fans.put(slice, m.get("fans").longValue()));
    counts.put("testFans", cases.size());
    counts.put("fansPerSlice", fans);
    counts.put("catalog", test.signals().catalog().size());
    counts.put("events", test.data().log().size());
    counts.put("relevantProducts", cases.stream().mapToLong(c -> c.relevant().size()).sum());
    counts.put("trainingExamples", trained.dataset().examples());
    counts.put("trainingPositives", trained.dataset().positives());
    counts.put("trainingGroups", trained.dataset().fans());
    counts.put("trainingCandidateRecall", trained.dataset().candidateRecall());
    counts.put("candidateRecall", result.candidateRecall());
    counts.put("candidatesPerFan", result.candidatesPerFan());
    counts.put("recallAt" + Evaluator.CANDIDATE_DEPTH, result.recallAtCandidateDepth());
    return counts;
  }

  private static Map<String, Object> training(Trainer.Trained trained) {
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("validationWindow", trained.validationWindow());
    training.put("featuresAt", trained.dataset().featuresAt().toString());
    training.put("examples", trained.dataset().window());
    training.put("served", trained.served().name());
    training.put("usesLabels", trained.learned().usesLabels());
    training.put("selection", trained.selection());
    training.put("collaborativeModels", trained.models());
    training.put("rankerBase", trained.base());
    training.put("ranker", trained.tuning());
    training.put(
        "rescoreDepth",
        trained.learned().ranker() instanceof TreeEnsemble trees ? trees.rescoreDepth() : 0);
    training.put("rankerStoppedBy", trained.rankerStoppedBy());
    training.put("collaborative", trained.collaborative());
    return training;
  }
}
