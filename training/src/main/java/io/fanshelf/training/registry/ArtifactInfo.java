package io.fanshelf.training.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an artifact says about its model, stored as JSON next to the model bytes and covered by the
 * checksum.
 *
 * @param formatVersion the artifact format, {@link ModelArtifact#FORMAT_VERSION}
 * @param id the model id, e.g. {@code gbt-20171021T175713Z-1a2b3c4d}
 * @param algorithm {@code gbt} or {@code logistic}
 * @param hyperParameters the options the model was fitted with (including the seed)
 * @param featureSchema the feature names in vector order; must equal serving's
 * @param dataWindow features known before {@code featuresAt}, labels as {@code labels} says
 * @param seed the seed
 * @param metrics validation metrics and dataset counts, by name
 * @param createdAt when it was trained (ISO-8601)
 * @param labelsHidden whether the model was trained without the fans' labels
 * @param serving settings serving must share for the features to match: the aggregates' half-lives
 *     and the main list's candidate sources
 */
public record ArtifactInfo(
    int formatVersion,
    String id,
    String algorithm,
    Map<String, Object> hyperParameters,
    List<String> featureSchema,
    DataWindow dataWindow,
    long seed,
    Map<String, Double> metrics,
    String createdAt,
    boolean labelsHidden,
    Map<String, String> serving) {

  /**
   * @param featuresAt the cutoff of the training snapshot (ISO-8601)
   * @param labels how the label window was cut
   * @param examples training rows
   * @param positives positive rows
   */
  public record DataWindow(String featuresAt, String labels, long examples, long positives) {}

  public ArtifactInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(algorithm, "algorithm");
    hyperParameters = sorted(hyperParameters);
    featureSchema = List.copyOf(featureSchema);
    Objects.requireNonNull(dataWindow, "dataWindow");
    metrics = sorted(metrics);
    Objects.requireNonNull(createdAt, "createdAt");
    serving = sorted(serving == null ? Map.of() : serving);
  }

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(map));
  }

  public ArtifactInfo withId(String other) {
    return new ArtifactInfo(
        formatVersion,
        other,
        algorithm,
        hyperParameters,
        featureSchema,
        dataWindow,
        seed,
        metrics,
        createdAt,
        labelsHidden,
        serving);
  }
}
