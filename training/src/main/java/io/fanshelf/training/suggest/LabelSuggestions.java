package io.fanshelf.training.suggest;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.taxonomy.Cardinality;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fitted label suggestions, from {@link LabelSuggester}: the per-dimension models and the fans'
 * behaviour they were fitted on. Immutable and thread-safe.
 */
public final class LabelSuggestions {
  private final Taxonomy taxonomy;
  private final Behaviours behaviours;
  private final Map<String, DimensionModel> models;
  private final List<LearnedDimension.FitReport> reports;
  private final SuggestionOptions options;

  LabelSuggestions(
      Taxonomy taxonomy,
      Behaviours behaviours,
      Map<String, DimensionModel> models,
      List<LearnedDimension.FitReport> reports,
      SuggestionOptions options) {
    this.taxonomy = taxonomy;
    this.behaviours = behaviours;
    this.models = Map.copyOf(models);
    this.reports = List.copyOf(reports);
    this.options = options;
  }

  public SuggestionOptions options() {
    return options;
  }

  /** How each dimension is suggested: by a classifier, by its rules, or (absent) not at all. */
  public Optional<Suggestion.Method> method(String dimension) {
    return Optional.ofNullable(models.get(dimension)).map(DimensionModel::method);
  }

  /** One line per fitted regression: target, classes, chosen lambda, validation log-losses. */
  public List<String> fitSummary() {
    return reports.stream()
        .map(
            r ->
                String.format(
                    java.util.Locale.ROOT,
                    "%s: %d classes, lambda %s, validation log-loss %.3f (class prior %.3f)",
                    r.target(),
                    r.classes(),
                    r.lambda(),
                    r.logLoss(),
                    r.priorLoss()))
        .toList();
  }

  /**
   * The labels the fan probably has and the owner has not set, at or above {@code minConfidence},
   * most confident first: for a one-value dimension the most likely value when the owner has no
   * label for it; for a many-value dimension every likely value the owner's label lacks. Retired
   * values are never suggested.
   */
  public List<Suggestion> suggest(FanProfile profile, double minConfidence) {
    Optional<FanBehaviour> behaviour = behaviours.get(profile.fan().id());
    if (behaviour.isEmpty()) {
      return List.of();
    }
    List<Suggestion> suggestions = new ArrayList<>();
    for (Dimension dimension : taxonomy.dimensions()) {
      DimensionModel model = models.get(dimension.id());
      Optional<Label> existing = profile.label(dimension.id());
      if (model == null || (dimension.cardinality() == Cardinality.ONE && existing.isPresent())) {
        continue;
      }
      List<String> has = existing.map(Label::values).orElse(List.of());
      Map<String, Double> probabilities = model.probabilities(behaviour.get());
      List<Map.Entry<String, Double>> candidates =
          probabilities.entrySet().stream()
              .filter(e -> active(dimension, e.getKey()) && !has.contains(e.getKey()))
              .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
              .toList();
      if (dimension.cardinality() == Cardinality.ONE && !candidates.isEmpty()) {
        candidates = candidates.subList(0, 1);
      }
      for (Map.Entry<String, Double> candidate : candidates) {
        double confidence = candidate.getValue();
        if (confidence >= minConfidence && confidence > 0) {
          suggestions.add(
              new Suggestion(
                  profile.fan().id(),
                  dimension.id(),
                  candidate.getKey(),
                  Math.min(1, confidence),
                  model.method(),
                  model.evidence(behaviour.get(), candidate.getKey())));
        }
      }
    }
    suggestions.sort(Comparator.comparingDouble(Suggestion::confidence).reversed());
    return suggestions;
  }

  /** The model's probability per value of the dimension for the fan; empty without a model. */
  public Map<String, Double> probabilities(FanId fan, String dimension) {
    DimensionModel model = models.get(dimension);
    Optional<FanBehaviour> behaviour = behaviours.get(fan);
    return model == null || behaviour.isEmpty() ? Map.of() : model.probabilities(behaviour.get());
  }

  private static boolean active(Dimension dimension, String value) {
    return dimension.value(value).map(v -> !v.retired()).orElse(false);
  }
}
