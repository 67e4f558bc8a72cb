package io.fanshelf.training.suggest;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.taxonomy.Cardinality;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Precision and recall of suggestions on held-out labels. The labelled, profiled fans are split at
 * random (seeded) into training and test fans; suggestions are fitted on the training fans' labels
 * only and made for the test fans as if unlabelled. A suggestion is made when its confidence
 * reaches the threshold: precision is the share of those that are right, recall the share of the
 * test fans' values that were suggested. Baselines on the same test fans: the majority class (the
 * training fans' most common value, suggested to everyone) and the taxonomy's match rules.
 */
public final class SuggestionEvaluation {
  private SuggestionEvaluation() {}

  /**
   * One way of suggesting, scored.
   *
   * @param suggested suggestions made at the threshold
   * @param correct of those, values the fan has
   * @param relevant values the test fans have (recall's denominator)
   */
  public record Score(int suggested, int correct, int relevant) {
    public double precision() {
      return suggested == 0 ? Double.NaN : (double) correct / suggested;
    }

    public double recall() {
      return relevant == 0 ? Double.NaN : (double) correct / relevant;
    }
  }

  /**
   * One dimension's results.
   *
   * @param dimension the dimension id
   * @param method how the model suggests it (a classifier once enough training fans are labelled)
   * @param testFans labelled test fans with behaviour
   * @param model the fitted suggestions
   * @param majorityValue the training fans' most common value
   * @param majority suggesting it to every test fan
   * @param rules the match-rule prior at the same threshold; empty when the dimension has no rules
   */
  public record DimensionResult(
      String dimension,
      Suggestion.Method method,
      int testFans,
      Score model,
      String majorityValue,
      Score majority,
      Optional<Score> rules) {}

  public static List<DimensionResult> run(
      Taxonomy taxonomy,
      Behaviours behaviours,
      List<Label> labels,
      SuggestionOptions options,
      double testShare,
      long seed) {
    if (!(testShare > 0 && testShare < 1)) {
      throw new IllegalArgumentException("test share must be in (0, 1), got " + testShare);
    }
    List<Label> usable =
        labels.stream()
            .filter(l -> l.source() != LabelSource.SUGGESTED)
            .filter(l -> behaviours.get(l.fan()).isPresent())
            .toList();
    List<FanId> fans =
        new ArrayList<>(new LinkedHashSet<>(usable.stream().map(Label::fan).toList()));
    fans.sort(java.util.Comparator.comparing(FanId::value));
    Collections.shuffle(fans, new Random(seed));
    Set<FanId> test = new HashSet<>(fans.subList(0, (int) Math.round(fans.size() * testShare)));
    List<Label> training = usable.stream().filter(l -> !test.contains(l.fan())).toList();
    LabelSuggestions fitted = LabelSuggester.fit(taxonomy, behaviours, training, options);
    List<DimensionResult> results = new ArrayList<>();
    for (Dimension dimension : taxonomy.dimensions()) {
      Optional<Suggestion.Method> method = fitted.method(dimension.id());
      Map<List<Object>, List<String>> truth = new HashMap<>();
      for (Label label : usable) {
        if (label.dimension().equals(dimension.id()) && test.contains(label.fan())) {
          truth.putIfAbsent(List.of(label.fan(), label.values()), label.values());
        }
      }
      if (method.isEmpty() || truth.isEmpty()) {
        continue;
      }
      String majority = majority(dimension.id(), training);
      Optional<RulePrior> rules = RulePrior.of(dimension);
      Counter model = new Counter();
      Counter baseline = new Counter();
      Counter ruled = new Counter();
      for (Map.Entry<List<Object>, List<String>> entry : truth.entrySet()) {
        FanId fan = (FanId) entry.getKey().getFirst();
        List<String> values = entry.getValue();
        FanBehaviour behaviour = behaviours.get(fan).orElseThrow();
        model.add(dimension, fitted.probabilities(fan, dimension.id()), values, options);
        baseline.add(dimension, Map.of(majority, 1.0), values, options);
        rules.ifPresent(r -> ruled.add(dimension, r.probabilities(behaviour), values, options));
      }
      results.add(
          new DimensionResult(
              dimension.id(),
              method.get(),
              truth.size(),
              model.score(),
              majority,
              baseline.score(),
              rules.map(r -> ruled.score())));
    }
    return results;
  }

  private static String majority(String dimension, List<Label> training) {
    Map<String, Integer> counts = new HashMap<>();
    Set<List<Object>> seen = new HashSet<>();
    for (Label label : training) {
      if (label.dimension().equals(dimension) && seen.add(List.of(label.fan(), label.values()))) {
        label.values().forEach(v -> counts.merge(v, 1, Integer::sum));
      }
    }
    return counts.entrySet().stream()
        .max(
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse("");
  }

  /** Counts suggestions as {@link LabelSuggestions#suggest} makes them from probabilities. */
  private static final class Counter {
    int suggested;
    int correct;
    int relevant;

    void add(
        Dimension dimension,
        Map<String, Double> probabilities,
        List<String> truth,
        SuggestionOptions options) {
      relevant += truth.size();
      List<Map.Entry<String, Double>> made =
          probabilities.entrySet().stream()
              .filter(e -> e.getValue() >= options.threshold())
              .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
              .toList();
      if (dimension.cardinality() == Cardinality.ONE && made.size() > 1) {
        made = made.subList(0, 1);
      }
      for (Map.Entry<String, Double> suggestion : made) {
        suggested++;
        if (truth.contains(suggestion.getKey())) {
          correct++;
        }
      }
    }

    Score score() {
      return new Score(suggested, correct, relevant);
    }
  }
}
