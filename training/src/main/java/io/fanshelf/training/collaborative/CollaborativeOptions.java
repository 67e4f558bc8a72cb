package io.fanshelf.training.collaborative;

import io.fanshelf.recommender.collaborative.CollaborativeModel;
import io.fanshelf.training.model.RecordValues;
import java.util.Map;

/**
 * The hyper-parameters of one collaborative algorithm; each implementation rejects bad values in
 * its constructor, naming them, and fits its model ({@code fit(data, options)}).
 */
public sealed interface CollaborativeOptions
    permits AlsOptions, EaseOptions, ItemKnnOptions, FanKnnOptions {

  /** The algorithm as artifacts and reports write it, e.g. {@code ials}. */
  String algorithm();

  /**
   * Every hyper-parameter by name, for artifacts and reports: the record's components, unless an
   * implementation leaves out those its algorithm does not read.
   */
  default Map<String, Object> hyperParameters() {
    return RecordValues.of((Record) this);
  }

  /** Fits the model to the interactions. */
  CollaborativeModel fit(Interactions data);

  /** The options {@link #hyperParameters()} wrote for {@code algorithm}. */
  static CollaborativeOptions of(String algorithm, Map<String, ?> values) {
    return switch (algorithm) {
      case AlsOptions.ALGORITHM -> AlsOptions.of(values);
      case EaseOptions.ALGORITHM -> EaseOptions.of(values);
      case ItemKnnOptions.COSINE, ItemKnnOptions.RP3BETA -> ItemKnnOptions.of(algorithm, values);
      case FanKnnOptions.ALGORITHM -> FanKnnOptions.of(values);
      default ->
          throw new IllegalArgumentException(
              "unknown collaborative algorithm '"
                  + algorithm
                  + "'; expected ials, ease, item-knn, rp3beta or user-knn");
    };
  }

  static double number(Map<String, ?> values, String name) {
    Object value = values.get(name);
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException(
        "hyper-parameter " + name + " must be a number, got " + value);
  }

  static int integer(Map<String, ?> values, String name) {
    double value = number(values, name);
    if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "hyper-parameter " + name + " must be a whole number, got " + value);
    }
    return (int) value;
  }

  static void require(boolean ok, String name, String expected, Object got) {
    if (!ok) {
      throw new IllegalArgumentException(name + " must be " + expected + ", got " + got);
    }
  }
}
