package io.fanshelf.training.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an artifact says about its ranking model, stored as JSON next to the model and covered by
 * the checksum.
 *
 * @param formatVersion the artifact format, {@link ModelArtifact#FORMAT_VERSION}
 * @param id the model id, e.g. {@code learned-20171021T175713Z-1a2b3c4d}
 * @param ranking what it is: {@code learned}, {@code popularity}, {@code labels-then-popularity},
 *     or one collaborative model alone ({@code ials}, {@code item-cf}, {@code user-knn})
 * @param algorithm the ranker: {@code lambdamart}, {@code logistic} or {@code one-feature}
 * @param hyperParameters the ranker's settings (including the seed)
 * @param collaborative each collaborative model's algorithm and settings
 * @param usesLabels whether the ranking reads the fans' labels
 * @param featureSchema the feature names in vector order; must equal serving's
 * @param dataWindow features known before {@code featuresAt}, labels as {@code labels} says
 * @param seed the seed
 * @param metrics this ranking's validation NDCG@10 ({@code validationNdcg@10}), candidate recall
 *     and dataset counts, by name
 * @param validation the validation NDCG@10 of everything compared on the same window: the rankings
 *     as served ({@code learned}, {@code popularity}, ...) and the baselines' own lists ({@code
 *     baseline:popularity}, {@code baseline:ease}, ...)
 * @param createdAt when it was trained (ISO-8601)
 * @param forced whether it was published although it lost to a baseline on validation
 * @param serving settings serving must share for the features to match, by configuration key
 *     ({@link io.fanshelf.recommender.settings.FeatureSettings}): feedback weights, aggregates, the
 *     main list's candidate sources and the history length; serving refuses the model when its own
 *     differ
 */
public record ArtifactInfo(
    int formatVersion,
    String id,
    String ranking,
    String algorithm,
    Map<String, Object> hyperParameters,
    Map<String, Map<String, Object>> collaborative,
    boolean usesLabels,
    List<String> featureSchema,
    DataWindow dataWindow,
    long seed,
    Map<String, Double> metrics,
    Map<String, Double> validation,
    String createdAt,
    boolean forced,
    Map<String, String> serving) {

  /** The key of this ranking's own validation NDCG@10 in {@link #metrics}. */
  public static final String VALIDATION_NDCG = "validationNdcg@10";

  /** The prefix of a baseline's own list in {@link #validation}. */
  public static final String BASELINE = "baseline:";

  /**
   * @param featuresAt the cutoff of the training snapshot (ISO-8601)
   * @param labels how the label window was cut
   * @param examples training rows
   * @param positives positive rows
   */
  public record DataWindow(String featuresAt, String labels, long examples, long positives) {}

  public ArtifactInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ranking, "ranking");
    Objects.requireNonNull(algorithm, "algorithm");
    hyperParameters = sorted(hyperParameters);
    collaborative = sorted(collaborative == null ? Map.of() : collaborative);
    featureSchema = List.copyOf(featureSchema);
    Objects.requireNonNull(dataWindow, "dataWindow");
    metrics = sorted(metrics);
    validation = sorted(validation == null ? Map.of() : validation);
    Objects.requireNonNull(createdAt, "createdAt");
    serving = sorted(serving == null ? Map.of() : serving);
  }

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(map));
  }

  public ArtifactInfo withId(String other) {
    return with(other, forced);
  }

  /** The same, recording that it was published although it lost on validation. */
  public ArtifactInfo forcedPublication() {
    return with(id, true);
  }

  private ArtifactInfo with(String newId, boolean newForced) {
    return new ArtifactInfo(
        formatVersion,
        newId,
        ranking,
        algorithm,
        hyperParameters,
        collaborative,
        usesLabels,
        featureSchema,
        dataWindow,
        seed,
        metrics,
        validation,
        createdAt,
        newForced,
        serving);
  }
}
