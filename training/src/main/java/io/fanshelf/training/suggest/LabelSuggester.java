package io.fanshelf.training.suggest;

import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.store.StoreReader;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Learns label suggestions: per taxonomy dimension a {@link LearnedDimension} from the labels that
 * owners set (by hand or by import), or the dimension's match rules ({@link RulePrior}) when fewer
 * than {@link SuggestionOptions#minLabelledFans} profiled fans carry one. Labels that were
 * themselves accepted suggestions are left out, so the model does not learn from its own output.
 *
 * <p>Labels of every owner train one model per dimension (behaviour is platform-wide per fan); the
 * suggestions it makes are then filtered per owner. Stateless and thread-safe.
 */
public final class LabelSuggester {
  private LabelSuggester() {}

  /** Reads every owner's labels from the store and fits. */
  public static LabelSuggestions fit(
      StoreReader store, Behaviours behaviours, SuggestionOptions options) throws IOException {
    List<Label> labels = new ArrayList<>();
    store.fans().forEach(profile -> labels.addAll(profile.labels().values()));
    return fit(store.metadata().taxonomy(), behaviours, labels, options);
  }

  public static LabelSuggestions fit(
      Taxonomy taxonomy, Behaviours behaviours, List<Label> labels, SuggestionOptions options) {
    Vocabulary vocabulary =
        Vocabulary.of(behaviours.all(), options.minFeatureFans(), options.maxFeatures());
    Map<String, DimensionModel> models = new LinkedHashMap<>();
    List<LearnedDimension.FitReport> reports = new ArrayList<>();
    for (Dimension dimension : taxonomy.dimensions()) {
      List<LearnedDimension.Example> examples = examples(dimension.id(), behaviours, labels);
      Optional<? extends DimensionModel> model =
          examples.size() >= options.minLabelledFans() && vocabulary.size() > 0
              ? LearnedDimension.fit(dimension, examples, vocabulary, options, reports)
              : Optional.empty();
      if (model.isEmpty()) {
        model = RulePrior.of(dimension);
      }
      model.ifPresent(m -> models.put(dimension.id(), m));
    }
    return new LabelSuggestions(taxonomy, behaviours, models, reports, options);
  }

  /** One example per (fan, values) of an owner-set label of the dimension on a profiled fan. */
  private static List<LearnedDimension.Example> examples(
      String dimension, Behaviours behaviours, List<Label> labels) {
    Set<List<Object>> seen = new LinkedHashSet<>();
    List<LearnedDimension.Example> examples = new ArrayList<>();
    for (Label label : labels) {
      if (!label.dimension().equals(dimension) || label.source() == LabelSource.SUGGESTED) {
        continue;
      }
      Optional<FanBehaviour> fan = behaviours.get(label.fan());
      // Two owners who label a fan alike give one example, not two.
      if (fan.isPresent() && seen.add(List.of(label.fan(), label.values()))) {
        examples.add(new LearnedDimension.Example(fan.get(), label.values()));
      }
    }
    return examples;
  }
}
