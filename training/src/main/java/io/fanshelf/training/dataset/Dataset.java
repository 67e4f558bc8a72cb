package io.fanshelf.training.dataset;

import io.fanshelf.recommender.feature.Feature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Labelled examples: one row per (fan, product) with serving's feature vector, label 1 for a
 * product the fan engaged with in the label window. Arrays are shared, not copied: treat as
 * read-only.
 *
 * @param features rows in {@link Feature} order
 * @param labels 1 positive, 0 negative
 * @param groups the fan (index into {@code fans}) of each row
 * @param fans fan ids
 * @param featuresAt the snapshot's cutoff
 * @param window how the labels were cut, e.g. "time:0.8 at 2017-08-15T..."
 * @param relevant relevant products over all fans (the candidate-recall denominator)
 * @param relevantInCandidates of those, how many the candidate sources proposed
 */
public record Dataset(
    float[][] features,
    int[] labels,
    int[] groups,
    List<String> fans,
    Instant featuresAt,
    String window,
    long relevant,
    long relevantInCandidates) {
  public Dataset {
    Objects.requireNonNull(features, "features");
    if (labels.length != features.length || groups.length != features.length) {
      throw new IllegalArgumentException("features, labels and groups differ in length");
    }
    fans = List.copyOf(fans);
  }

  public int size() {
    return labels.length;
  }

  public long positives() {
    long n = 0;
    for (int label : labels) {
      n += label;
    }
    return n;
  }

  /** Share of the label window's relevant products that the candidate sources proposed. */
  public double candidateRecall() {
    return relevant == 0 ? 0 : (double) relevantInCandidates / relevant;
  }

  /** Writes {@code fan,label,<feature names...>} CSV, one row per example. */
  public void writeCsv(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("fan,label," + String.join(",", Feature.names()));
      out.newLine();
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < labels.length; i++) {
        line.setLength(0);
        line.append(fans.get(groups[i])).append(',').append(labels[i]);
        for (float value : features[i]) {
          line.append(',').append(value);
        }
        out.write(line.toString());
        out.newLine();
      }
    }
  }
}
