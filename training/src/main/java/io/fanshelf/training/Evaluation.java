package io.fanshelf.training;

import io.fanshelf.recommender.feature.FeatureSchema;
import io.fanshelf.recommender.ranking.HeuristicRanker;
import io.fanshelf.recommender.ranking.Ranker;
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
import io.fanshelf.training.eval.Validation;
import io.fanshelf.training.model.ModelRanker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluation run: split the events, train FanShelf's models on the training period only
 * (hyper-parameters chosen on a validation window inside it), then rank the whole catalog for every
 * test fan with the models, the heuristic ranker, the model trained without labels, and the
 * baselines, in the same run. Not thread-safe.
 */
public final class Evaluation {
  private final Trainer trainer;

  public Evaluation(Trainer trainer) {
    this.trainer = trainer;
  }

  /**
   * @param split how to split the events
   * @param minTrainingEvents test fans need at least this many positive events before the split
   * @param published a published model to compare, when there is one
   * @param topK how long the FanShelf top lists in the result are (0 for none)
   * @param tuningBudget how long tuning may spend on each collaborative algorithm
   */
  public record Request(
      Split split,
      int minTrainingEvents,
      Optional<ModelRanker> published,
      int topK,
      java.time.Duration tuningBudget) {
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

  /** The report and FanShelf's top-k list per test fan ({@code fan<TAB>item1,item2,...}). */
  public record Outcome(EvaluationReport report, List<String> topLists, Trainer.Trained trained) {}

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
    long tv = System.nanoTime();
    Partition inner =
        request
            .split()
            .inner()
            .partition(trainer.data(), outer.known(), options.targets(), options.allowRepeats());
    Validation validation =
        new Validation(
            trainer.snapshot(inner, "snapshot (validation)"),
            inner,
            options.targets(),
            options.allowRepeats());
    Map<String, CollaborativeTuning.Tuned> tunedCf = new LinkedHashMap<>();
    for (String algorithm : CollaborativeTuning.ALGORITHMS) {
      tunedCf.put(
          algorithm,
          CollaborativeTuning.tune(
              algorithm, validation, options.seed(), request.tuningBudget(), progress));
    }
    timings.put("collaborativeTuning", Trainer.ms(tv));
    Trainer.Trained trained = trainer.train(request.split().inner(), outer.known(), true);
    timings.putAll(trained.timingsMs());
    long t1 = System.nanoTime();
    Snapshot test = trainer.snapshot(outer, "snapshot (test)");
    Baselines baselines = new Baselines(test, outer.known(), options.targets(), options.seed());
    timings.put("testSnapshot", Trainer.ms(t1));
    long tc = System.nanoTime();
    Interactions known =
        Interactions.of(
            trainer.data().log().events(),
            outer.known(),
            trainer.data().feedback(),
            id -> test.signals().catalog().ordinal(id).isPresent());
    List<ListModel> lists = new ArrayList<>(baselines.lists());
    for (var tuned : tunedCf.entrySet()) {
      progress.update("fit " + tuned.getKey(), 0, 1);
      lists.add(
          new CollaborativeList(
              tuned.getKey(),
              tuned.getValue().options().fit(known),
              trainer.data(),
              outer.known(),
              test.signals().catalog()));
    }
    timings.put("collaborativeFit", Trainer.ms(tc));
    List<Evaluator.CandidateModel> models = new ArrayList<>();
    models.add(new Evaluator.CandidateModel("fanshelf", ranker("fanshelf", trained.gbt()), false));
    trained
        .gbtWithoutLabels()
        .ifPresent(
            m ->
                models.add(
                    new Evaluator.CandidateModel(
                        "fanshelf-no-labels", ranker("fanshelf-no-labels", m), true)));
    models.add(
        new Evaluator.CandidateModel(
            "fanshelf-logistic", ranker("fanshelf-logistic", trained.logistic()), false));
    models.add(new Evaluator.CandidateModel("heuristic", new HeuristicRanker(), false));
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
            1,
            split(request, outer),
            options.seed(),
            protocol(request),
            counts(cases, test, trained, metrics),
            training(trained, tunedCf),
            metrics,
            Map.of(),
            timings);
    report = withSummary(report);
    return new Outcome(report, result.topLists(), trained);
  }

  private static Ranker ranker(String name, io.fanshelf.training.model.TrainedModel model) {
    return new ModelRanker(name, FeatureSchema.names(), model);
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
        "fanshelfRanking",
        "candidates from serving's sources ordered by the model, then every other product by"
            + " popularity (distinct fans before the split)");
    protocol.put("tuned", options.tune());
    return protocol;
  }

  private static String describe(io.fanshelf.indexer.model.FeedbackPolicy policy) {
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
      Map<String, Map<String, Map<String, Double>>> metrics) {
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
    counts.put("trainingFans", trained.dataset().fans());
    counts.put("trainingCandidateRecall", trained.dataset().candidateRecall());
    return counts;
  }

  private Map<String, Object> training(
      Trainer.Trained trained, Map<String, CollaborativeTuning.Tuned> collaborative) {
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("featuresAt", trained.dataset().featuresAt().toString());
    training.put("labels", trained.dataset().window());
    training.put("gbt", trained.gbt().options().hyperParameters());
    training.put("logistic", trained.logistic().options().hyperParameters());
    training.put("sampling", trainer.options().sampling());
    training.put("tuning", trained.tuning());
    training.put("collaborative", collaborative);
    return training;
  }

  private static EvaluationReport withSummary(EvaluationReport r) {
    Map<String, Object> summary = new LinkedHashMap<>();
    double fanshelf = r.metric("fanshelf", "all", "ndcg@10");
    String bestBaseline = "";
    double best = -1;
    for (String baseline :
        List.of("popularity", "owner-popular", "item-knn", "label-only", "random")) {
      double v = r.metric(baseline, "all", "ndcg@10");
      if (v > best) {
        best = v;
        bestBaseline = baseline;
      }
    }
    summary.put("fanshelf ndcg@10", fanshelf);
    summary.put("best baseline", bestBaseline);
    summary.put("best baseline ndcg@10", best);
    summary.put("fanshelf / best baseline", best > 0 ? fanshelf / best : Double.NaN);
    double withLabels = r.metric("fanshelf", "labelled-light", "ndcg@10");
    double without = r.metric("fanshelf-no-labels", "labelled-light", "ndcg@10");
    summary.put("labelled-light ndcg@10 with labels", withLabels);
    summary.put("labelled-light ndcg@10 without labels", without);
    summary.put("label lift (labelled-light)", without > 0 ? withLabels / without - 1 : Double.NaN);
    return new EvaluationReport(
        r.formatVersion(),
        r.split(),
        r.seed(),
        r.protocol(),
        r.counts(),
        r.training(),
        r.models(),
        summary,
        r.timingsMs());
  }
}
