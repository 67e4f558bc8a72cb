package io.fanshelf.indexer.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AggregateOptionsTest {
  private static final AggregateOptions DEFAULTS = AggregateOptions.defaults();

  private static void rejects(Executable build, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment), e.getMessage() + " should mention " + fragment);
    }
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertEquals(Duration.ofDays(14), DEFAULTS.popularityHalfLife());
    assertEquals(Duration.ofDays(2), DEFAULTS.trendHalfLife());
    assertEquals(10, DEFAULTS.coWindow());
    assertEquals(50, DEFAULTS.neighbours());
    assertEquals(40, DEFAULTS.fanHistorySize());
  }

  @Test
  void badValuesAreNamedInTheMessage() {
    rejects(
        () -> DEFAULTS.withHalfLives(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(1)),
        "popularityHalfLife",
        "PT0S");
    rejects(
        () -> DEFAULTS.withHalfLives(Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(1)),
        "trendHalfLife must be shorter",
        "PT72H");
    rejects(
        () -> DEFAULTS.withHalfLives(Duration.ofDays(2), Duration.ofDays(1), Duration.ofDays(-1)),
        "affinityHalfLife",
        "PT-24H");
    rejects(() -> DEFAULTS.withCoOccurrence(0, Duration.ofDays(1), 5), "coWindow", "0");
    rejects(() -> DEFAULTS.withCoOccurrence(101, Duration.ofDays(1), 5), "101");
    rejects(
        () -> DEFAULTS.withCoOccurrence(5, Duration.ofDays(40_000), 5), "coMaxGap", "36500 days");
    rejects(() -> DEFAULTS.withCoOccurrence(5, Duration.ofDays(1), 1001), "neighbours", "1001");
    rejects(() -> DEFAULTS.withLeaderboardSize(0), "leaderboardSize", "0");
    rejects(() -> DEFAULTS.withLiftPrior(-1), "liftPrior", "-1");
    rejects(() -> DEFAULTS.withLiftPrior(Double.NaN), "liftPrior", "NaN");
    assertThrows(
        NullPointerException.class,
        () -> DEFAULTS.withHalfLives(null, Duration.ofDays(1), Duration.ofDays(1)));
  }
}
