package io.fanshelf.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.training.TrainingOptions;
import io.fanshelf.training.dataset.SamplingOptions;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.dataset.TimeSplit;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void badValuesAreNamed() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> new LambdaMartOptions(-1, 16, 50, 0.1, 1, 10, 1));
    assertEquals("trees must be between 0 and 5000, got -1", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new LambdaMartOptions(10, 16, 50, 1.5, 1, 10, 1));
    assertEquals("shrinkage must be in (0, 1], got 1.5", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new LambdaMartOptions(10, 1, 50, 0.1, 1, 10, 1));
    assertEquals("maxLeaves must be between 2 and 1024, got 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LogisticOptions(-1, 1e-5, 10, 1));
    assertEquals("lambda must be between 0 and 1000, got -1.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new SamplingOptions(-2, 0.5, 100, 1));
    assertTrue(e.getMessage().endsWith("got -2.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new SamplingOptions(20, 0.5, 0, 1));
    assertEquals("maxFans must be at least 1, got 0", e.getMessage());
  }

  @Test
  void hyperParametersRoundTrip() {
    LambdaMartOptions trees = LambdaMartOptions.defaults(7);
    assertEquals(trees, ModelOptions.of("lambdamart", trees.hyperParameters()));
    LogisticOptions logistic = LogisticOptions.defaults(7);
    assertEquals(logistic, ModelOptions.of("logistic", logistic.hyperParameters()));
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> ModelOptions.of("gbt", trees.hyperParameters()));
    assertTrue(e.getMessage().contains("lambdamart or logistic"), e.getMessage());
  }

  @Test
  void splitsParseAndExplain() {
    assertEquals(new TimeSplit(0.8), Split.parse("time:0.8"));
    assertEquals("last:0.2", Split.parse("last:0.2").spec());
    var e = assertThrows(IllegalArgumentException.class, () -> Split.parse("time:1.5"));
    assertTrue(e.getMessage().contains("'1.5'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Split.parse("random"));
    assertTrue(e.getMessage().contains("time:0.8"), e.getMessage());
  }

  @Test
  void targetsParse() {
    var policy = TrainingOptions.parseTargets("purchase, rating>=4");
    assertEquals(2, policy.weights().size());
    assertEquals(4.0, policy.minimumValues().values().iterator().next());
    var e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parseTargets("buy"));
    assertTrue(e.getMessage().contains("got 'buy'"), e.getMessage());
  }
}
