package io.fanshelf.training.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation report, written as JSON with a stable shape (docs/evaluation.md): {@code
 * models.<model>.<slice>.<metric>}, FanShelf's model under {@code fanshelf}. Immutable.
 *
 * @param formatVersion 1
 * @param split the split: spec, description, event counts
 * @param seed the seed of sampling, models and the random baseline
 * @param protocol what was measured and how (positives, repeats, minimum training events, ranking)
 * @param counts fans per slice, catalog size, events, training dataset counts
 * @param training the training window, chosen hyper-parameters and every setting tried
 * @param models metrics per model, slice and metric name
 * @param summary the headline comparisons (FanShelf vs the best baseline, label lift)
 * @param timingsMs time per step
 */
public record EvaluationReport(
    int formatVersion,
    Map<String, Object> split,
    long seed,
    Map<String, Object> protocol,
    Map<String, Object> counts,
    Map<String, Object> training,
    Map<String, Map<String, Map<String, Double>>> models,
    Map<String, Object> summary,
    Map<String, Long> timingsMs) {

  /** Model names in report order: FanShelf's first, then variants, then baselines. */
  public static final List<String> MODEL_ORDER =
      List.of(
          "fanshelf",
          "fanshelf-no-labels",
          "fanshelf-logistic",
          "heuristic",
          "published",
          "popularity",
          "owner-popular",
          "ials",
          "ease",
          "rp3beta",
          "user-knn",
          "item-knn",
          "label-only",
          "random");

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public void writeJson(Path file) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(this) + "\n");
  }

  /** A metric, or NaN when the model or slice is absent. */
  public double metric(String model, String slice, String metric) {
    Map<String, Map<String, Double>> slices = models.get(model);
    if (slices == null || !slices.containsKey(slice)) {
      return Double.NaN;
    }
    return slices.get(slice).getOrDefault(metric, Double.NaN);
  }
}
