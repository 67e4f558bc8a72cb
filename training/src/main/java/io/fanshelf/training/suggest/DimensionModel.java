package io.fanshelf.training.suggest;

import java.util.List;
import java.util.Map;

/** What FanShelf knows about one dimension: how likely each value is for a fan, and why. */
sealed interface DimensionModel permits LearnedDimension, RulePrior {

  Suggestion.Method method();

  /** Value id to the probability that the fan has it; values the model cannot judge are absent. */
  Map<String, Double> probabilities(FanBehaviour fan);

  /** The fan's behaviour that speaks for the value, strongest first. */
  List<Evidence> evidence(FanBehaviour fan, String value);
}
