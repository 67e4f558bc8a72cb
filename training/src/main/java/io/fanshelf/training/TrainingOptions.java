package io.fanshelf.training;

import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.training.dataset.LastSplit;
import io.fanshelf.training.dataset.SamplingOptions;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.model.LambdaMartOptions;
import io.fanshelf.training.model.LogisticOptions;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the trainer builds datasets and fits models.
 *
 * @param targets which events in a label window are positives (e.g. purchase, cart, rating >= 4)
 * @param allowRepeats whether products a fan interacted with before may be positives and be ranked
 * @param sampling how negatives are drawn
 * @param lambdaMart the LambdaMART ranker's options (the starting point when tuning)
 * @param logistic the logistic ranker's options
 * @param tune choose hyper-parameters and model family on a validation window cut from the training
 *     period (off: the options as given, LambdaMART)
 * @param tuningBudget how many settings, and how much time at most, tuning may spend on each
 *     collaborative algorithm and on the ranker
 * @param newcomerShare the share of training fans also shown to the ranker as newcomers (labels, no
 *     history), in [0, 1]; none when no fan is labelled ({@code DatasetBuilder#newcomers})
 * @param seed the seed of sampling, models and the random baseline
 */
public record TrainingOptions(
    FeedbackPolicy targets,
    boolean allowRepeats,
    SamplingOptions sampling,
    LambdaMartOptions lambdaMart,
    LogisticOptions logistic,
    boolean tune,
    TuningBudget tuningBudget,
    double newcomerShare,
    Split examples,
    long seed) {
  public TrainingOptions {
    Objects.requireNonNull(examples, "examples");
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(sampling, "sampling");
    Objects.requireNonNull(lambdaMart, "lambdaMart");
    Objects.requireNonNull(logistic, "logistic");
    Objects.requireNonNull(tuningBudget, "tuningBudget");
    if (!(newcomerShare >= 0 && newcomerShare <= 1)) {
      throw new IllegalArgumentException("newcomerShare must be in [0, 1], got " + newcomerShare);
    }
  }

  /**
   * Purchases are positives, no repeats, default sampling and rankers, tuning on over every setting
   * with two minutes per search at most, a fifth of the fans also shown as newcomers, examples from
   * each fan's last fifth of events.
   */
  public static TrainingOptions defaults(long seed) {
    return new TrainingOptions(
        parseTargets("purchase"),
        false,
        SamplingOptions.defaults(seed),
        LambdaMartOptions.defaults(seed),
        LogisticOptions.defaults(seed),
        true,
        TuningBudget.wholeGrid(Duration.ofMinutes(2)),
        0.2,
        new LastSplit(0.2),
        seed);
  }

  public TrainingOptions withTune(boolean on) {
    return new TrainingOptions(
        targets,
        allowRepeats,
        sampling,
        lambdaMart,
        logistic,
        on,
        tuningBudget,
        newcomerShare,
        examples,
        seed);
  }

  public TrainingOptions withSampling(SamplingOptions other) {
    return new TrainingOptions(
        targets,
        allowRepeats,
        other,
        lambdaMart,
        logistic,
        tune,
        tuningBudget,
        newcomerShare,
        examples,
        seed);
  }

  public TrainingOptions withTuningBudget(TuningBudget other) {
    return new TrainingOptions(
        targets,
        allowRepeats,
        sampling,
        lambdaMart,
        logistic,
        tune,
        other,
        newcomerShare,
        examples,
        seed);
  }

  /**
   * Parses a list of positive event types such as {@code purchase,cart,rating>=4}: each type counts
   * 1; a {@code >=} gives the minimum value an event needs.
   */
  public static FeedbackPolicy parseTargets(String spec) {
    Map<EventType, Double> weights = new EnumMap<>(EventType.class);
    Map<EventType, Double> minimums = new HashMap<>();
    for (String part : spec.split(",")) {
      String item = part.strip().toLowerCase(Locale.ROOT);
      if (item.isEmpty()) {
        continue;
      }
      String[] typeAndMin = item.split(">=", 2);
      EventType type = EventType.parse(typeAndMin[0].strip());
      weights.put(type, 1.0);
      if (typeAndMin.length == 2) {
        try {
          minimums.put(type, Double.parseDouble(typeAndMin[1].strip()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "expected a number after >= in '" + item + "', e.g. rating>=4", e);
        }
      }
    }
    if (weights.isEmpty()) {
      throw new IllegalArgumentException(
          "expected at least one positive event type, e.g. purchase,cart,rating>=4; got '"
              + spec
              + "'");
    }
    return new FeedbackPolicy(weights, minimums);
  }
}
