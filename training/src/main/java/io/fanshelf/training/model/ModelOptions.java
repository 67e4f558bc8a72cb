package io.fanshelf.training.model;

import java.util.Map;

/** The hyper-parameters of one algorithm; every implementation validates itself when built. */
public sealed interface ModelOptions permits LambdaMartOptions, LogisticOptions {
  /** The algorithm as artifacts and reports write it: {@code lambdamart} or {@code logistic}. */
  String algorithm();

  /** The seed; the same data, options and seed give the same model. */
  long seed();

  /** Every hyper-parameter by name (the record's components), for artifacts and reports. */
  default Map<String, Object> hyperParameters() {
    return RecordValues.of((Record) this);
  }

  /** Options of {@code algorithm} from the map {@link #hyperParameters()} wrote. */
  static ModelOptions of(String algorithm, Map<String, ?> values) {
    if (algorithm.equals(LambdaMartOptions.ALGORITHM)) {
      return LambdaMartOptions.of(values);
    }
    if (algorithm.equals(LogisticOptions.ALGORITHM)) {
      return LogisticOptions.of(values);
    }
    throw new IllegalArgumentException(
        "unknown algorithm '" + algorithm + "'; expected lambdamart or logistic");
  }

  static Number number(Map<String, ?> values, String name) {
    Object value = values.get(name);
    if (value instanceof Number number) {
      return number;
    }
    throw new IllegalArgumentException(
        "hyper-parameter " + name + " must be a number, got " + value);
  }
}
