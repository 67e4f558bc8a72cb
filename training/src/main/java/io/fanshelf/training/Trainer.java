package io.fanshelf.training;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.recommender.collaborative.Collaborative;
import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.ranking.FeatureRanker;
import io.fanshelf.recommender.ranking.Ranker;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.ranking.TreeEnsemble;
import io.fanshelf.training.collaborative.Interactions;
import io.fanshelf.training.dataset.Dataset;
import io.fanshelf.training.dataset.DatasetBuilder;
import io.fanshelf.training.dataset.FanCandidates;
import io.fanshelf.training.dataset.FanCase;
import io.fanshelf.training.dataset.Partition;
import io.fanshelf.training.dataset.Snapshot;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.dataset.TrainingData;
import io.fanshelf.training.eval.Evaluator;
import io.fanshelf.training.eval.Validation;
import io.fanshelf.training.model.Blend;
import io.fanshelf.training.model.Fit;
import io.fanshelf.training.model.LambdaMartOptions;
import io.fanshelf.training.model.LogisticOptions;
import io.fanshelf.training.model.ModelOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training module's front door. {@link #train} cuts a validation window from the events it is
 * given (the same kind of split as the test it prepares for) and chooses everything on it: each
 * collaborative model's settings, then the ranker's family and settings on one half of the window's
 * fans, then, on the other half, whether labels help and which ranking to serve (the learned one,
 * popularity, or one collaborative model alone). It then fits the chosen pieces on all the events
 * given. The test period is never looked at. Not thread-safe; uses the common fork-join pool for
 * per-fan work.
 */
public final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  /** The ranking trained here, in responses until the registry gives it an id. */
  public static final String LEARNED = "learned";

  /** The blend of single scores weighted on the validation lists ({@link Blend}). */
  public static final String BLEND = "blend";

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
   * One ranker setting tried on the validation window.
   *
   * @param model {@code blend}, {@code lambdamart}, {@code logistic} or {@code cascade} (the
   *     learned trees' rescore depth)
   * @param hyperParameters the setting
   * @param validationNdcg mean NDCG@10 of the tuning half of the validation fans
   * @param chosen whether it was kept
   */
  public record Tuning(
      String model, Map<String, Object> hyperParameters, double validationNdcg, boolean chosen) {}

  /**
   * One ranking compared for serving on the validation window.
   *
   * @param ranking {@code learned}, {@code learned-without-labels}, {@code popularity}, {@code
   *     labels-then-popularity}, {@code ials}, {@code item-cf}, {@code user-knn} or {@code blend}
   * @param validationNdcg mean NDCG@10 of the selection half of the validation fans (the half no
   *     ranker setting was chosen on)
   * @param standardError the standard error of its per-fan difference to the best ranking (0 for
   *     the best; null where not compared)
   * @param labelledNdcg the same over the labelled fans of that half (null without any)
   * @param newcomerNdcg the same labelled fans ranked as newcomers, with their labels and no
   *     history: the fans labels are for (null without any)
   * @param served whether it is the one to serve
   */
  public record Choice(
      String ranking,
      double validationNdcg,
      Double standardError,
      Double labelledNdcg,
      Double newcomerNdcg,
      boolean served) {
    static Choice of(
        String ranking,
        double validationNdcg,
        double standardError,
        double labelledNdcg,
        double newcomerNdcg,
        boolean served) {
      return new Choice(
          ranking,
          validationNdcg,
          orNull(standardError),
          orNull(labelledNdcg),
          orNull(newcomerNdcg),
          served);
    }

    private static Double orNull(double value) {
      return Double.isNaN(value) ? null : value;
    }
  }

  /**
   * What {@link #train} produced.
   *
   * @param served the ranking to serve: the simplest within one standard error of the best
   *     validation NDCG@10 ({@link Selection})
   * @param learned the learned ranker with its collaborative models
   * @param learnedWithoutLabels the learned ranking with every fan's labels hidden, when asked for
   * @param selection every ranking compared, best first
   * @param collaborative each collaborative algorithm's tuning
   * @param baselines the validation NDCG@10 of the baselines' own lists: popularity and each
   *     collaborative algorithm as tuned
   * @param models the collaborative models the rankings use, with their settings
   * @param tuning every ranker setting tried
   * @param rankerStoppedBy what ended the ranker's search ({@link TuningBudget.Stop#wireName()})
   * @param base the single ranking the learned ranker's boosting started from
   * @param dataset the final training examples (counts only)
   * @param validationWindow how the validation window was cut
   * @param timingsMs time per step
   */
  public record Trained(
      RankingModel served,
      RankingModel learned,
      Optional<RankingModel> learnedWithoutLabels,
      List<Choice> selection,
      Map<String, CollaborativeTuning.Tuned> collaborative,
      Map<String, Double> baselines,
      Map<String, Map<String, Object>> models,
      List<Tuning> tuning,
      String rankerStoppedBy,
      String base,
      DatasetSummary dataset,
      String validationWindow,
      Map<String, Long> timingsMs) {

    /** The chosen ranking's validation NDCG@10. */
    public double servedNdcg() {
      return selection.stream().filter(Choice::served).findFirst().orElseThrow().validationNdcg();
    }

    /** A compared ranking's validation NDCG@10, NaN if it was not compared. */
    public double ndcg(String ranking) {
      return selection.stream()
          .filter(c -> c.ranking().equals(ranking))
          .mapToDouble(Choice::validationNdcg)
          .findFirst()
          .orElse(Double.NaN);
    }
  }

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

  /**
   * The training examples of a split (features before its cutoff, labels after), for export: from
   * at most {@link io.fanshelf.training.dataset.SamplingOptions#maxFans} of its fans, as training
   * takes them.
   */
  public Dataset dataset(Split split, Predicate<Event> among, boolean hideLabels)
      throws IOException {
    Partition part = examplesPartition(split, among);
    Snapshots snapshots = snapshots(part, "snapshot", null);
    return examples(snapshots.snapshot(), part, snapshots.newcomers(), hideLabels, "dataset");
  }

  /**
   * Trains on the events {@code among} accepts, choosing on the validation window {@code
   * validationSplit} cuts from them.
   *
   * @param withoutLabelsToo also fit the learned ranking with every fan's labels hidden
   */
  public Trained train(Split validationSplit, Predicate<Event> among, boolean withoutLabelsToo)
      throws IOException {
    Map<String, Long> timings = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    Partition window =
        validationSplit.partition(data, among, options.targets(), options.allowRepeats());
    Validation validation =
        new Validation(
            snapshot(window, "snapshot (validation)"),
            window,
            options.targets(),
            options.allowRepeats());
    timings.put("validationSnapshot", ms(t0));

    long t1 = System.nanoTime();
    Map<String, CollaborativeTuning.Tuned> tuned = new LinkedHashMap<>();
    for (String algorithm : CollaborativeTuning.ALGORITHMS) {
      tuned.put(
          algorithm,
          options.tune()
              ? CollaborativeTuning.tune(
                  algorithm, validation, options.seed(), options.tuningBudget(), progress)
              : CollaborativeTuning.untuned(algorithm, validation, options.seed(), progress));
    }
    CollaborativeChoice choice = CollaborativeChoice.of(tuned, validation.interactions());
    Map<String, Double> baselines = new LinkedHashMap<>();
    baselines.put("popularity", validation.ndcg(fan -> new int[0]));
    tuned.forEach((algorithm, t) -> baselines.put(algorithm, t.validationNdcg()));
    timings.put("collaborativeTuning", ms(t1));

    // the rankings as validation serves them: models fitted on the window's known events
    long t2 = System.nanoTime();
    Snapshot atValidation =
        validation.snapshot().withCollaborative(choice.fit(validation.interactions()));
    boolean anyLabelled = window.cases().stream().anyMatch(FanCase::labelled);
    ValidationLists lists = new ValidationLists(atValidation, validation, false, false);
    boolean compareLabels = anyLabelled && (withoutLabelsToo || options.tune());
    ValidationLists hiddenLists =
        compareLabels ? new ValidationLists(atValidation, validation, true, false) : null;
    // the selection half's labelled fans again as the shop first meets them, where labels are all
    // there is: seen from a snapshot and models that never saw their events
    ValidationLists newcomerLists = null;
    ValidationLists hiddenNewcomers = null;
    if (anyLabelled) {
      Set<FanId> labelledSelection = new HashSet<>();
      for (int i = 1; i < validation.cases().size(); i += 2) {
        if (validation.cases().get(i).labelled()) {
          labelledSelection.add(validation.cases().get(i).fan());
        }
      }
      Snapshot unseen = without(validation.partition(), labelledSelection, choice);
      newcomerLists = new ValidationLists(unseen, validation, false, true);
      hiddenNewcomers = compareLabels ? new ValidationLists(unseen, validation, true, true) : null;
    }
    // examples inside the window's known events, to fit the ranker validated on the window
    Partition inner = examplesPartition(options.examples(), window.known());
    Snapshots innerSnapshots = snapshots(inner, "snapshot (examples for validation)", choice);
    Snapshot innerSnapshot = innerSnapshots.snapshot();
    Newcomers innerNewcomers = innerSnapshots.newcomers();
    Dataset innerExamples =
        examples(innerSnapshot, inner, innerNewcomers, false, "examples (validation)");
    timings.put("validationExamples", ms(t2));

    long t3 = System.nanoTime();
    // the boosting starts from the single ranking that does best on the tuning half, or from the
    // blend grown from it when the blend does better
    Map<String, Ranker> alone = singleRankers(choice);
    FeatureRanker single = FeatureRanker.popularity();
    double baseNdcg = Double.NEGATIVE_INFINITY;
    for (Ranker candidate : alone.values()) {
      double ndcg = lists.ndcg(candidate);
      if (ndcg > baseNdcg) {
        baseNdcg = ndcg;
        single = (FeatureRanker) candidate;
      }
    }
    List<Tuning> tuning = new ArrayList<>();
    Blend.Fitted blend =
        Blend.fit(
            BLEND,
            single.primary(),
            blended(choice, single.primary()),
            lists.tuningRows(),
            lists::ndcg);
    boolean marked = false;
    for (Blend.Step step : blend.steps()) {
      boolean chosen = !marked && step.validationNdcg() == blend.validationNdcg();
      marked |= chosen;
      tuning.add(
          new Tuning(BLEND, new LinkedHashMap<>(step.weights()), step.validationNdcg(), chosen));
    }
    alone.put(BLEND, blend.ranker());
    // the blend only where it beats the single ranking by more than the tuning half's noise
    Map<String, double[]> baseScores = new LinkedHashMap<>();
    baseScores.put(single.name(), lists.tuningScores(single));
    baseScores.put(BLEND, lists.tuningScores(blend.ranker()));
    Ranker base =
        Selection.simplestWithinOneError(baseScores).equals(BLEND) ? blend.ranker() : single;
    Optional<Ranker> boostFrom = Optional.of(base);
    RankerChoice rankerChoice = chooseRanker(innerExamples, lists, tuning, boostFrom);
    ModelOptions rankerOptions = rankerChoice.options();
    Ranker fittedAtValidation = Fit.fit(innerExamples, rankerOptions, LEARNED, boostFrom);
    int rescoreDepth = rescoreDepth(fittedAtValidation, lists, tuning);
    Ranker learnedAtValidation = rescoring(fittedAtValidation, rescoreDepth);
    double[] learnedScores = lists.selectionScores(learnedAtValidation);
    double learnedLabelled = lists.labelledNdcg(learnedAtValidation);
    double learnedNewcomers = newcomerNdcg(newcomerLists, learnedAtValidation);
    double[] withoutLabelsScores = null;
    double withoutLabelsLabelled = Double.NaN;
    double withoutLabelsNewcomers = Double.NaN;
    if (hiddenLists != null) {
      Dataset hidden =
          examples(innerSnapshot, inner, innerNewcomers, true, "examples (validation, no labels)");
      Ranker withoutLabels =
          rescoring(Fit.fit(hidden, rankerOptions, LEARNED, boostFrom), rescoreDepth);
      withoutLabelsScores = hiddenLists.selectionScores(withoutLabels);
      withoutLabelsLabelled = hiddenLists.labelledNdcg(withoutLabels);
      withoutLabelsNewcomers = hiddenNewcomers.labelledNdcg(withoutLabels);
    }
    timings.put("rankerTuning", ms(t3));

    // labels stay when they help the labelled fans, counted once as they are and once as the
    // newcomers labels are meant for; a tie leaves them out
    double labelGain =
        (learnedLabelled - withoutLabelsLabelled) + (learnedNewcomers - withoutLabelsNewcomers);
    boolean usesLabels = withoutLabelsScores == null || labelGain > 0 || Double.isNaN(labelGain);
    // the rankings compared for serving, simplest first, with each fan's NDCG@10
    Map<String, double[]> perFan = new LinkedHashMap<>();
    Map<String, Double> labelled = new LinkedHashMap<>();
    Map<String, Double> asNewcomers = new LinkedHashMap<>();
    for (var entry : alone.entrySet()) {
      perFan.put(entry.getKey(), lists.selectionScores(entry.getValue()));
      labelled.put(entry.getKey(), lists.labelledNdcg(entry.getValue()));
      asNewcomers.put(entry.getKey(), newcomerNdcg(newcomerLists, entry.getValue()));
    }
    perFan.put(LEARNED, usesLabels ? learnedScores : withoutLabelsScores);
    labelled.put(LEARNED, usesLabels ? learnedLabelled : withoutLabelsLabelled);
    asNewcomers.put(LEARNED, usesLabels ? learnedNewcomers : withoutLabelsNewcomers);
    String servedName = Selection.simplestWithinOneError(perFan);
    List<Choice> compared = new ArrayList<>();
    for (var entry : perFan.entrySet()) {
      compared.add(
          Choice.of(
              entry.getKey(),
              Selection.mean(entry.getValue()),
              Selection.errorToBest(perFan, entry.getKey()),
              labelled.get(entry.getKey()),
              asNewcomers.get(entry.getKey()),
              entry.getKey().equals(servedName)));
    }
    if (withoutLabelsScores != null) {
      compared.add(
          Choice.of(
              LEARNED + "-without-labels",
              Selection.mean(withoutLabelsScores),
              Double.NaN,
              withoutLabelsLabelled,
              withoutLabelsNewcomers,
              false));
    }

    // the chosen pieces fitted on every event given
    long t4 = System.nanoTime();
    Collaborative models = choice.fit(interactions(among, p -> true));
    Partition examplesWindow = examplesPartition(options.examples(), among);
    Snapshots examplesSnapshots = snapshots(examplesWindow, "snapshot (examples)", choice);
    Snapshot examplesSnapshot = examplesSnapshots.snapshot();
    Newcomers newcomers = examplesSnapshots.newcomers();
    Dataset examples = examples(examplesSnapshot, examplesWindow, newcomers, false, "examples");
    Ranker ranker =
        rescoring(
            usesLabels
                ? Fit.fit(examples, rankerOptions, LEARNED, boostFrom)
                : Fit.fit(
                    examples(
                        examplesSnapshot, examplesWindow, newcomers, true, "examples (no labels)"),
                    rankerOptions,
                    LEARNED,
                    boostFrom),
            rescoreDepth);
    RankingModel learned = new RankingModel(LEARNED, models, ranker, usesLabels);
    Optional<RankingModel> learnedWithoutLabels = Optional.empty();
    if (withoutLabelsToo) {
      learnedWithoutLabels =
          Optional.of(
              usesLabels
                  ? new RankingModel(
                      LEARNED + "-without-labels",
                      models,
                      rescoring(
                          Fit.fit(
                              examples(
                                  examplesSnapshot,
                                  examplesWindow,
                                  newcomers,
                                  true,
                                  "examples (no labels)"),
                              rankerOptions,
                              LEARNED + "-without-labels",
                              boostFrom),
                          rescoreDepth),
                      false)
                  : new RankingModel(LEARNED + "-without-labels", models, ranker, false));
    }
    timings.put("fit", ms(t4));

    RankingModel served =
        servedName.equals(LEARNED)
            ? learned
            : new RankingModel(
                servedName,
                only(models, servedName),
                alone.get(servedName),
                !servedName.equals("popularity"));
    List<Choice> selection = new ArrayList<>(compared);
    selection.sort((a, b) -> Double.compare(b.validationNdcg(), a.validationNdcg()));
    LOG.info(
        "serving {} (validation NDCG@10 {} on {}); compared {}",
        servedName,
        format(
            selection.stream().filter(Choice::served).findFirst().orElseThrow().validationNdcg()),
        window.description(),
        selection);
    return new Trained(
        served,
        learned,
        learnedWithoutLabels,
        List.copyOf(selection),
        tuned,
        baselines,
        choice.describe(),
        List.copyOf(tuning),
        rankerChoice.stoppedBy().wireName(),
        base.name(),
        DatasetSummary.of(examples),
        window.description(),
        timings);
  }

  /** The rescore depths validated for a cascade, cheapest first; 0 (every candidate) last. */
  static final List<Integer> RESCORE_DEPTHS = List.of(50, 100, 200, 400, 0);

  /**
   * How many of a list's candidates, best by the base ranking, the learned trees score: the
   * smallest of {@link #RESCORE_DEPTHS} whose NDCG@10 on the tuning half is within one standard
   * error of the best depth's, since each candidate the trees skip is serving time saved (the trees
   * were a sixth of a recommendation with every collaborative model in). Every depth tried goes to
   * {@code tried}. 0 for a ranker that is not trees on a base.
   */
  private static int rescoreDepth(Ranker fitted, ValidationLists lists, List<Tuning> tried) {
    if (!(fitted instanceof TreeEnsemble trees) || trees.trees() == 0) {
      return 0;
    }
    Map<String, double[]> perFan = new LinkedHashMap<>();
    for (int depth : RESCORE_DEPTHS) {
      perFan.put(String.valueOf(depth), lists.tuningScores(trees.withRescoreDepth(depth)));
    }
    int chosen = Integer.parseInt(Selection.simplestWithinOneError(perFan));
    for (var entry : perFan.entrySet()) {
      int depth = Integer.parseInt(entry.getKey());
      Map<String, Object> setting = new LinkedHashMap<>();
      setting.put("rescoreDepth", depth);
      tried.add(new Tuning("cascade", setting, Selection.mean(entry.getValue()), depth == chosen));
    }
    LOG.info("the trees rescore the base ranking's best {} (0: all)", chosen);
    return chosen;
  }

  /** {@code ranker} as a cascade of {@code depth} when it is trees on a base. */
  private static Ranker rescoring(Ranker ranker, int depth) {
    return ranker instanceof TreeEnsemble trees && depth > 0
        ? trees.withRescoreDepth(depth)
        : ranker;
  }

  /**
   * Rankings of the candidates by one score each, compared with the learned one: popularity, the
   * fan's label matches then popularity, and each collaborative model alone.
   */
  private static Map<String, Ranker> singleRankers(CollaborativeChoice choice) {
    Map<String, Ranker> rankers = new LinkedHashMap<>();
    rankers.put("popularity", FeatureRanker.popularity());
    rankers.put("labels-then-popularity", FeatureRanker.labelsThenPopularity());
    choice
        .factors()
        .ifPresent(
            o ->
                rankers.put(
                    "ials",
                    new FeatureRanker("ials", Feature.ALS_SCORE, Feature.LOG_POPULARITY_ALL_TIME)));
    choice
        .items()
        .ifPresent(
            o ->
                rankers.put(
                    "item-cf",
                    new FeatureRanker(
                        "item-cf", Feature.ITEM_CF_SCORE, Feature.LOG_POPULARITY_ALL_TIME)));
    choice
        .fans()
        .ifPresent(
            o ->
                rankers.put(
                    "user-knn",
                    new FeatureRanker(
                        "user-knn", Feature.USER_KNN_SCORE, Feature.LOG_POPULARITY_ALL_TIME)));
    return rankers;
  }

  /**
   * The scores the blend weighs beside {@code first}: each fitted collaborative model's, the
   * co-visits with the fan's recent products, popularity over the whole log and decayed, the fan's
   * category share, and the fan's label matches and lift.
   */
  private static List<Feature> blended(CollaborativeChoice choice, Feature first) {
    List<Feature> scores = new ArrayList<>();
    choice.factors().ifPresent(o -> scores.add(Feature.ALS_SCORE));
    choice.items().ifPresent(o -> scores.add(Feature.ITEM_CF_SCORE));
    choice.fans().ifPresent(o -> scores.add(Feature.USER_KNN_SCORE));
    scores.addAll(
        List.of(
            Feature.CO_VISIT,
            Feature.LOG_REACH,
            Feature.LOG_POPULARITY,
            Feature.CATEGORY_AFFINITY,
            Feature.LABEL_RULE_MATCH,
            Feature.LABEL_LIFT));
    scores.remove(first);
    return scores;
  }

  /** The models a single-model ranking needs: only that one (none for popularity). */
  private static Collaborative only(Collaborative models, String ranking) {
    return switch (ranking) {
      case "ials" -> models.factors().map(m -> Collaborative.of(m)).orElse(Collaborative.NONE);
      case "item-cf" -> models.items().map(m -> Collaborative.of(m)).orElse(Collaborative.NONE);
      case "user-knn" -> models.fans().map(m -> Collaborative.of(m)).orElse(Collaborative.NONE);
      case BLEND -> models;
      default -> Collaborative.NONE;
    };
  }

  /**
   * The ranker's family and settings with the best validation NDCG@10: a coordinate search over
   * LambdaMART's leaves, then its minimum leaf size (each boosted once from {@code base} with twice
   * the configured trees, whose prefixes give the smaller tree counts: early stopping on the tuning
   * half), then the logistic ranker's penalty; bounded by the tuning budget. Without tuning,
   * LambdaMART as configured.
   */
  private RankerChoice chooseRanker(
      Dataset examples, ValidationLists lists, List<Tuning> tried, Optional<Ranker> base) {
    LambdaMartOptions start = options.lambdaMart();
    if (!options.tune()) {
      Ranker fitted = Fit.fit(examples, start, LEARNED, base);
      tried.add(new Tuning(start.algorithm(), start.hyperParameters(), lists.ndcg(fitted), true));
      return new RankerChoice(start, TuningBudget.Stop.GRID);
    }
    RankerSearch search = new RankerSearch(examples, lists, base);
    search.lambdaMart(start);
    for (int leaves : List.of(8, 16, 32)) {
      search.lambdaMart(start.withLeaves(leaves));
    }
    LambdaMartOptions shape = search.bestShape(start);
    for (int minLeaf : List.of(20, 50, 200, 1000)) {
      search.lambdaMart(shape.withMinLeafSize(minLeaf));
    }
    for (double lambda : List.of(0.1, 1.0, 10.0)) {
      search.logistic(
          new LogisticOptions(
              lambda,
              options.logistic().tolerance(),
              options.logistic().maxIterations(),
              options.seed()));
    }
    search.fewestTreesWithinOneError();
    for (Tuning t : search.trials) {
      tried.add(
          new Tuning(
              t.model(),
              t.hyperParameters(),
              t.validationNdcg(),
              t.model().equals(search.best.algorithm())
                  && t.hyperParameters().equals(search.best.hyperParameters())));
    }
    return new RankerChoice(search.best, search.spending.stop());
  }

  /** The ranker's chosen setting and what ended its search. */
  private record RankerChoice(ModelOptions options, TuningBudget.Stop stoppedBy) {}

  /** The state of the ranker search: every setting tried and the best so far. */
  private final class RankerSearch {
    private static final int PLANNED = 11;
    private final Dataset examples;
    private final ValidationLists lists;
    private final Optional<Ranker> base;
    private final TuningBudget.Spending spending = options.tuningBudget().start();
    private final List<Tuning> trials = new ArrayList<>();
    private final List<Map<String, Object>> shapesFitted = new ArrayList<>();
    private final Map<Map<String, Object>, double[]> ladders = new HashMap<>();
    private ModelOptions best;
    private double bestNdcg = Double.NEGATIVE_INFINITY;
    private int step;

    RankerSearch(Dataset examples, ValidationLists lists, Optional<Ranker> base) {
      this.examples = examples;
      this.lists = lists;
      this.base = base;
    }

    /**
     * Fits once with twice the trees and scores its prefixes on a doubling ladder from no tree (the
     * base alone) to the whole ensemble: early stopping, since a few trees can help where many
     * overfit the examples (on Complete Journey up to 25 trees stayed within 5% of the base, 100
     * lost about half).
     */
    void lambdaMart(LambdaMartOptions setting) {
      int most = setting.trees() * 2;
      LambdaMartOptions widest = setting.withTrees(most);
      if (shapesFitted.contains(widest.hyperParameters()) || !spending.tryOne()) {
        return;
      }
      shapesFitted.add(widest.hyperParameters());
      progress.update("tune ranker", step++, PLANNED);
      TreeEnsemble fitted = (TreeEnsemble) Fit.fit(examples, widest, LEARNED, base);
      for (int trees : treeLadder(most)) {
        LambdaMartOptions prefix = setting.withTrees(trees);
        double[] perFan = lists.tuningScores(fitted.prefix(trees));
        ladders.put(prefix.hyperParameters(), perFan);
        record(prefix, Selection.mean(perFan));
      }
    }

    /**
     * The best LambdaMART shape with the fewest trees within one standard error of its best count
     * (as rankings are chosen for serving): on a small window the ladder's best count often wins by
     * noise, and more trees then only fit the examples' window.
     */
    void fewestTreesWithinOneError() {
      if (!(best instanceof LambdaMartOptions shape)) {
        return;
      }
      Map<String, double[]> ladder = new LinkedHashMap<>();
      Map<String, LambdaMartOptions> byName = new LinkedHashMap<>();
      for (int trees : treeLadder(shape.trees() * 2)) {
        double[] perFan = ladders.get(shape.withTrees(trees).hyperParameters());
        if (perFan != null) {
          ladder.put("trees=" + trees, perFan);
          byName.put("trees=" + trees, shape.withTrees(trees));
        }
      }
      if (!ladder.isEmpty()) {
        best = byName.get(Selection.simplestWithinOneError(ladder));
      }
    }

    void logistic(LogisticOptions setting) {
      if (!spending.tryOne()) {
        return;
      }
      progress.update("tune ranker", step++, PLANNED);
      record(setting, lists.ndcg(Fit.fit(examples, setting, LEARNED)));
    }

    /** The best LambdaMART setting's shape with the configured tree count, else {@code start}. */
    LambdaMartOptions bestShape(LambdaMartOptions start) {
      return best instanceof LambdaMartOptions l ? l.withTrees(start.trees()) : start;
    }

    private void record(ModelOptions setting, double ndcg) {
      trials.add(new Tuning(setting.algorithm(), setting.hyperParameters(), ndcg, false));
      log(setting, ndcg);
      if (ndcg > bestNdcg) {
        bestNdcg = ndcg;
        best = setting;
      }
    }
  }

  /**
   * 0, then {@code most} halved until below 4 trees, ascending: 0, 6, 12, 25, 50, 100, 200, 400.
   */
  static List<Integer> treeLadder(int most) {
    List<Integer> ladder = new ArrayList<>();
    for (int trees = most; trees >= 4; trees /= 2) {
      ladder.addFirst(trees);
    }
    ladder.addFirst(0);
    return ladder;
  }

  private static void log(ModelOptions setting, double ndcg) {
    LOG.info(
        "validation NDCG@10 {} for {} {}",
        format(ndcg),
        setting.algorithm(),
        setting.hyperParameters());
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /**
   * The validation fans' candidates as serving would rank them at the window's start (with the
   * window's collaborative models), computed once and ranked by each ranker compared.
   */
  private final class ValidationLists {
    private final Validation validation;
    private final List<FanCandidates> candidates;
    private final boolean[] labelled;

    /**
     * @param asNew only the labelled fans of the selection half, each as a newcomer (labels, no
     *     history); the others' places stay empty, so the halves are the same fans as elsewhere
     */
    ValidationLists(Snapshot snapshot, Validation validation, boolean hideLabels, boolean asNew) {
      this.validation = validation;
      List<FanCase> cases = validation.cases();
      java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
      String stage =
          "candidates (validation"
              + (asNew ? ", labelled fans as newcomers" : "")
              + (hideLabels ? ", no labels" : "")
              + ")";
      this.candidates =
          java.util.stream.IntStream.range(0, cases.size())
              .parallel()
              .mapToObj(
                  i -> {
                    FanCase c = cases.get(i);
                    FanCandidates f =
                        asNew && (i % 2 == 0 || !c.labelled())
                            ? null
                            : FanCandidates.of(
                                snapshot, c, hideLabels, options.allowRepeats(), asNew);
                    progress.update(stage, done.incrementAndGet(), cases.size());
                    return f;
                  })
              .toList();
      this.labelled = new boolean[cases.size()];
      for (int i = 0; i < cases.size(); i++) {
        labelled[i] = cases.get(i).labelled();
      }
    }

    /** Each fan's NDCG@10 over the tuning half, in order. */
    double[] tuningScores(Ranker ranker) {
      return scores(ranker, 0);
    }

    /** Every candidate's features in the tuning half. */
    Iterable<float[]> tuningRows() {
      List<float[]> rows = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i += 2) {
        if (candidates.get(i) != null) {
          rows.addAll(Arrays.asList(candidates.get(i).features()));
        }
      }
      return rows;
    }

    /** Mean NDCG@10 over the tuning half of the validation fans (every other fan). */
    double ndcg(Ranker ranker) {
      return Selection.mean(tuningScores(ranker));
    }

    /**
     * Each fan's NDCG@10 over the other half, which no setting was chosen on: the rankings compared
     * for serving are compared here, so that the learned ranker's tuning does not flatter it.
     */
    double[] selectionScores(Ranker ranker) {
      return scores(ranker, 1);
    }

    /** Mean NDCG@10 of the selection half's labelled fans; NaN without any. */
    double labelledNdcg(Ranker ranker) {
      double sum = 0;
      int n = 0;
      for (int i = 1; i < candidates.size(); i += 2) {
        if (labelled[i]) {
          sum += ndcg(candidates.get(i), ranker);
          n++;
        }
      }
      return n == 0 ? Double.NaN : sum / n;
    }

    /** Each fan's NDCG@10 in one half: every other fan from {@code half} (0 or 1). */
    private double[] scores(Ranker ranker, int half) {
      double[] scores = new double[(candidates.size() + 1 - half) / 2];
      for (int i = half, k = 0; k < scores.length; i += 2, k++) {
        scores[k] = ndcg(candidates.get(i), ranker);
      }
      return scores;
    }

    private double ndcg(FanCandidates fan, Ranker ranker) {
      return validation.ndcg(fan.fanCase(), Evaluator.rank(fan, ranker));
    }
  }

  /** The selection half's labelled fans as newcomers under {@code ranker}; NaN without any. */
  private static double newcomerNdcg(ValidationLists newcomers, Ranker ranker) {
    return newcomers == null ? Double.NaN : newcomers.labelledNdcg(ranker);
  }

  /** The positive feedback of the events {@code known} accepts on the products {@code sellable}. */
  public Interactions interactions(
      Predicate<? super Event> known, Predicate<io.fanshelf.indexer.model.ProductId> sellable) {
    return Interactions.of(
        data.log().events(),
        known,
        data.feedback(),
        id -> data.products().containsKey(id) && sellable.test(id));
  }

  /** The fans a split gives the ranker examples of, at most the sampling's {@code maxFans}. */
  private Partition examplesPartition(Split split, Predicate<Event> among) {
    return split
        .partition(data, among, options.targets(), options.allowRepeats())
        .sampled(options.sampling().maxFans());
  }

  /**
   * {@code part}'s snapshot with {@code fans}' events left out everywhere (aggregates, label
   * statistics, the collaborative models when {@code choice} is given): those fans as a shop first
   * meets them.
   */
  private Snapshot without(Partition part, Set<FanId> fans, CollaborativeChoice choice)
      throws IOException {
    Predicate<Event> known = part.known().and(e -> !fans.contains(e.fan()));
    progress.update("snapshot (newcomers)", 0, 1);
    Snapshot snapshot = Snapshot.build(data, known, part.aggregatesAt());
    progress.update("snapshot (newcomers)", 1, 1);
    return choice == null ? snapshot : withModels(snapshot, known, choice);
  }

  private Snapshot withModels(
      Snapshot snapshot, Predicate<Event> known, CollaborativeChoice choice) {
    progress.update("fit collaborative models", 0, 1);
    Collaborative models =
        choice.fit(interactions(known, id -> snapshot.signals().catalog().ordinal(id).isPresent()));
    progress.update("fit collaborative models", 1, 1);
    return snapshot.withCollaborative(models);
  }

  Snapshot snapshot(Partition part, String stage) throws IOException {
    progress.update(stage, 0, 1);
    Snapshot snapshot = Snapshot.build(data, part.known(), part.aggregatesAt());
    progress.update(stage, 1, 1);
    return snapshot;
  }

  /** The fans of a partition also shown to the ranker as newcomers, and what they are seen from. */
  private record Newcomers(Set<FanId> fans, Snapshot seenFrom) {}

  /** A partition's snapshot and its newcomers. */
  private record Snapshots(Snapshot snapshot, Newcomers newcomers) {}

  /**
   * {@code part}'s snapshot (with {@code choice}'s models fitted on its known events, when given)
   * and its newcomers, seen from a snapshot and models without their events. The two snapshots are
   * built at once, the newcomers' on a thread of its own: rebuilding the aggregates is one pass
   * over the events on one core.
   */
  private Snapshots snapshots(Partition part, String stage, CollaborativeChoice choice)
      throws IOException {
    Set<FanId> fans = DatasetBuilder.newcomers(part, options.sampling(), options.newcomerShare());
    FutureTask<Snapshot> unseen = new FutureTask<>(() -> without(part, fans, choice));
    if (!fans.isEmpty()) {
      Thread.ofPlatform().name("fanshelf-newcomers-snapshot").daemon().start(unseen);
    }
    Snapshot snapshot = snapshot(part, stage);
    if (choice != null) {
      snapshot = withModels(snapshot, part.known(), choice);
    }
    return new Snapshots(
        snapshot, new Newcomers(fans, fans.isEmpty() ? snapshot : await(unseen, stage)));
  }

  private static Snapshot await(FutureTask<Snapshot> task, String stage) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while building the newcomers' " + stage);
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw new IOException("building the newcomers' " + stage, io);
        case RuntimeException unchecked -> throw unchecked;
        case Error error -> throw error;
        default ->
            throw new IllegalStateException("building the newcomers' " + stage, e.getCause());
      }
    }
  }

  private Dataset examples(
      Snapshot snapshot, Partition part, Newcomers newcomers, boolean hideLabels, String stage) {
    int total = part.cases().size();
    Dataset dataset =
        DatasetBuilder.build(
            snapshot,
            newcomers.seenFrom(),
            newcomers.fans(),
            part,
            options.sampling(),
            hideLabels,
            options.allowRepeats(),
            done -> progress.update(stage, done, total));
    LOG.info(
        "{} {}: {} examples, {} relevant, {} groups, candidate recall {}",
        stage,
        dataset.window(),
        dataset.size(),
        dataset.positives(),
        dataset.fans().size(),
        format(dataset.candidateRecall()));
    return dataset;
  }

  static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
