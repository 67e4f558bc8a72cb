package io.fanshelf.sparkals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Spark ALS job reads, writes and fits with; every value is checked here, and a bad one is
 * refused with a message naming its option.
 *
 * @param events the event files ({@code id,fan,product,type,time,value} CSV with a header, as
 *     {@code fanshelf-training} and the indexer import them, gzip allowed): a file, a directory or
 *     a glob, on any file system Spark reads ({@code hdfs://}, {@code s3a://}, local)
 * @param out the factor file to write ({@link io.fanshelf.training.registry.FactorFile}), on the
 *     driver's local disk
 * @param factors vector length k ({@code --factors}), 1 to 1024
 * @param iterations ALS sweeps ({@code --iterations}), 1 to 100
 * @param regParam Spark's {@code regParam} ({@code --reg-param}), > 0
 * @param alpha Spark's confidence slope ({@code --alpha}): confidence {@code 1 + alpha * r}, > 0
 * @param seed Spark's random start ({@code --seed})
 */
public record SparkAlsOptions(
    String events,
    String out,
    int factors,
    int iterations,
    double regParam,
    double alpha,
    long seed) {
  static final String USAGE =
      "usage: SparkAls --events <files> --out <factor file> [--factors 64] [--iterations 12]"
          + " [--reg-param 0.01] [--alpha 10] [--seed 1]";

  public SparkAlsOptions {
    if (events == null || events.isBlank()) {
      throw new IllegalArgumentException("--events is required: the event CSV files to read");
    }
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException("--out is required: the factor file to write");
    }
    require(factors >= 1 && factors <= 1024, "--factors", "between 1 and 1024", factors);
    require(iterations >= 1 && iterations <= 100, "--iterations", "between 1 and 100", iterations);
    require(regParam > 0 && Double.isFinite(regParam), "--reg-param", "> 0", regParam);
    require(alpha > 0 && Double.isFinite(alpha), "--alpha", "> 0", alpha);
  }

  /** Reads {@code --name value} pairs; unknown, repeated or valueless options are refused. */
  public static SparkAlsOptions parse(String... args) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> known =
        List.of(
            "--events", "--out", "--factors", "--iterations", "--reg-param", "--alpha", "--seed");
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            "unknown option '" + name + "', expected one of " + String.join(", ", known));
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      if (values.put(name, args[i + 1]) != null) {
        throw new IllegalArgumentException(name + " is given twice");
      }
    }
    List<String> missing = new ArrayList<>();
    for (String required : List.of("--events", "--out")) {
      if (!values.containsKey(required)) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(String.join(" and ", missing) + " required; " + USAGE);
    }
    return new SparkAlsOptions(
        values.get("--events"),
        values.get("--out"),
        integer(values, "--factors", 64),
        integer(values, "--iterations", 12),
        number(values, "--reg-param", 0.01),
        number(values, "--alpha", 10),
        (long) integer(values, "--seed", 1));
  }

  private static int integer(Map<String, String> values, String name, int fallback) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + text + "'");
    }
  }

  private static double number(Map<String, String> values, String name, double fallback) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + text + "'");
    }
  }

  private static void require(boolean ok, String name, String expected, Object got) {
    if (!ok) {
      throw new IllegalArgumentException(name + " must be " + expected + ", got " + got);
    }
  }
}
