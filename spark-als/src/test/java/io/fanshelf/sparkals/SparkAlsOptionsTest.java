package io.fanshelf.sparkals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparkAlsOptionsTest {
  @Test
  void defaultsFillWhatIsNotGiven() {
    SparkAlsOptions options = SparkAlsOptions.parse("--events", "e/*.csv.gz", "--out", "f");
    assertEquals(new SparkAlsOptions("e/*.csv.gz", "f", 64, 12, 0.01, 10, 1), options);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--factors|0|--factors must be between 1 and 1024, got 0",
        "--factors|x|--factors must be a whole number, got 'x'",
        "--iterations|101|--iterations must be between 1 and 100, got 101",
        "--reg-param|0|--reg-param must be > 0, got 0.0",
        "--reg-param|NaN|--reg-param must be > 0, got NaN",
        "--alpha|-1|--alpha must be > 0, got -1.0",
        "--seed|1.5|--seed must be a whole number, got '1.5'",
        "--event|x|unknown option '--event', expected one of --events, --out, --factors,"
            + " --iterations, --reg-param, --alpha, --seed",
      })
  void aBadValueIsRefusedNamingItsOption(String name, String value, String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SparkAlsOptions.parse("--events", "e", "--out", "f", name, value));
    assertEquals(message, e.getMessage());
  }

  @Test
  void missingAndRepeatedOptionsAreNamed() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> SparkAlsOptions.parse("--out", "f"))
            .getMessage()
            .startsWith("--events required;"));
    assertEquals(
        "--out is given twice",
        assertThrows(
                IllegalArgumentException.class,
                () -> SparkAlsOptions.parse("--events", "e", "--out", "f", "--out", "g"))
            .getMessage());
    assertEquals(
        "--alpha needs a value",
        assertThrows(
                IllegalArgumentException.class,
                () -> SparkAlsOptions.parse("--events", "e", "--out", "f", "--alpha"))
            .getMessage());
  }
}
