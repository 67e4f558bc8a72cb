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
          "served",
          "labels-then-popularity",
          "published",
          "popularity",
          "owner-popular",
          "label-only",
          "ials",
          "ease",
          "item-knn",
          "rp3beta",
          "user-knn",
          "random");

  /** The baselines FanShelf is compared with (random aside). */
  public static final List<String> BASELINES =
      List.of(
          "popularity",
          "owner-popular",
          "label-only",
          "ials",
          "ease",
          "item-knn",
          "rp3beta",
          "user-knn");

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public void writeJson(Path file) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(this) + "\n");
  }

  /**
   * The report with its headline comparisons: FanShelf's learned ranking and the served one against
   * popularity and the best baseline, candidate recall, and the label lift on the fans labels are
   * for (labelled with at most 5 events, labelled with none, and the labelled fans the cold-start
   * protocol cut). A figure that cannot be computed (a slice without fans, a zero baseline) is
   * null.
   */
  public static EvaluationReport withSummary(
      EvaluationReport r, io.fanshelf.training.Trainer.Trained trained) {
    Map<String, Object> summary = new java.util.LinkedHashMap<>();
    Double fanshelf = r.value("fanshelf", "all");
    Double served = r.value("served", "all");
    Double popularity = r.value("popularity", "all");
    String bestBaseline = null;
    Double best = null;
    for (String baseline : BASELINES) {
      Double v = r.value(baseline, "all");
      if (v != null && (best == null || v > best)) {
        best = v;
        bestBaseline = baseline;
      }
    }
    summary.put("fanshelf ndcg@10", fanshelf);
    summary.put("served ranking", trained.served().name());
    summary.put("served ndcg@10", served);
    summary.put("popularity ndcg@10", popularity);
    summary.put("best baseline", bestBaseline);
    summary.put("best baseline ndcg@10", best);
    summary.put("fanshelf / best baseline", ratio(fanshelf, best));
    summary.put("fanshelf / popularity", ratio(fanshelf, popularity));
    summary.put("served / popularity", ratio(served, popularity));
    Object recall =
        ((Map<?, ?>) r.counts().getOrDefault("candidateRecall", Map.of())).get("fanshelf");
    summary.put("candidate recall (fanshelf)", recall);
    for (String slice : List.of("labelled-light", "labelled-new", "labelled-cold-start")) {
      Double with = r.value("fanshelf", slice);
      Double without = r.value("fanshelf-no-labels", slice);
      summary.put(slice + " ndcg@10 with labels", with);
      summary.put(slice + " ndcg@10 without labels", without);
      Double lift = ratio(with, without);
      summary.put("label lift (" + slice + ")", lift == null ? null : lift - 1);
    }
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

  private static Double ratio(Double a, Double b) {
    return a == null || b == null || b <= 0 ? null : a / b;
  }

  /** NDCG@10 of a model on a slice, null when either is absent. */
  public Double value(String model, String slice) {
    double v = metric(model, slice, "ndcg@10");
    return Double.isNaN(v) ? null : v;
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
