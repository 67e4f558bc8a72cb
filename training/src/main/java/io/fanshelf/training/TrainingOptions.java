package io.fanshelf.training;

import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.training.dataset.SamplingOptions;
import io.fanshelf.training.model.GbtOptions;
import io.fanshelf.training.model.LogisticOptions;
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
 * @param gbt the tree model's options (the starting point when tuning)
 * @param logistic the logistic model's options
 * @param tune choose hyper-parameters on a validation window cut from the training period
 * @param seed the seed of sampling, models and the random baseline
 */
public record TrainingOptions(
    FeedbackPolicy targets,
    boolean allowRepeats,
    SamplingOptions sampling,
    GbtOptions gbt,
    LogisticOptions logistic,
    boolean tune,
    long seed) {
  public TrainingOptions {
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(sampling, "sampling");
    Objects.requireNonNull(gbt, "gbt");
    Objects.requireNonNull(logistic, "logistic");
  }

  /** Purchases are positives, no repeats, default sampling and models, tuning on. */
  public static TrainingOptions defaults(long seed) {
    return new TrainingOptions(
        parseTargets("purchase"),
        false,
        SamplingOptions.defaults(seed),
        GbtOptions.defaults(seed),
        LogisticOptions.defaults(seed),
        true,
        seed);
  }

  public TrainingOptions withTune(boolean on) {
    return new TrainingOptions(targets, allowRepeats, sampling, gbt, logistic, on, seed);
  }

  public TrainingOptions withTargets(FeedbackPolicy policy) {
    return new TrainingOptions(policy, allowRepeats, sampling, gbt, logistic, tune, seed);
  }

  public TrainingOptions withRepeats(boolean allow) {
    return new TrainingOptions(targets, allow, sampling, gbt, logistic, tune, seed);
  }

  public TrainingOptions withSampling(SamplingOptions other) {
    return new TrainingOptions(targets, allowRepeats, other, gbt, logistic, tune, seed);
  }

  public TrainingOptions withGbt(GbtOptions other) {
    return new TrainingOptions(targets, allowRepeats, sampling, other, logistic, tune, seed);
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
