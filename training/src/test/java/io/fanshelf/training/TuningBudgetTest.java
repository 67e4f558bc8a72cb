package io.fanshelf.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.training.dataset.Split;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuningBudgetTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void aCountStopsTheSearchAndSaysSo() {
    TuningBudget.Spending spending = new TuningBudget(3, Duration.ofHours(1)).start();
    for (int i = 0; i < 3; i++) {
      assertTrue(spending.tryOne(), "setting " + i);
    }
    assertEquals(TuningBudget.Stop.GRID, spending.stop(), "no refusal yet");
    assertFalse(spending.tryOne());
    assertFalse(spending.tryOne(), "a refusal is final");
    assertEquals(3, spending.fitted());
    assertEquals(TuningBudget.Stop.SETTINGS, spending.stop());
  }

  @Test
  void theTimeBoundAlwaysLetsTheFirstSettingThroughThenStops() {
    long[] now = {1_000};
    TuningBudget.Spending spending =
        TuningBudget.wholeGrid(Duration.ofNanos(1)).start(() -> now[0]);
    now[0] += 5; // the first fit took longer than the whole bound
    assertTrue(spending.tryOne(), "the first setting is always fitted");
    assertFalse(spending.tryOne());
    assertEquals(1, spending.fitted());
    assertEquals(TuningBudget.Stop.TIME, spending.stop());
    assertEquals("time", spending.stop().wireName());
  }

  @Test
  void refusesANonsenseBudgetNamingWhatIsWrong() {
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> new TuningBudget(0, Duration.ofSeconds(1)))
            .getMessage()
            .contains("settings must be at least 1, got 0"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> TuningBudget.wholeGrid(Duration.ZERO))
            .getMessage()
            .contains("time must be positive"));
  }

  @Test
  void aTrainingTriesExactlyTheCountedSettingsWhateverTheMachine() throws Exception {
    try (SyntheticFixture fixture = SyntheticFixture.open(dir)) {
      TrainingOptions options =
          TrainingOptions.defaults(42).withTuningBudget(new TuningBudget(2, Duration.ofHours(1)));
      Trainer.Trained trained =
          new Trainer(fixture.data, options, Progress.NONE)
              .train(Split.parse("time:0.8"), e -> true, false);
      trained
          .collaborative()
          .forEach(
              (algorithm, tuned) -> {
                assertEquals(2, tuned.trials().size(), algorithm);
                assertEquals("settings", tuned.stoppedBy(), algorithm);
              });
      assertEquals("settings", trained.rankerStoppedBy());
      assertEquals(
          2,
          trained.tuning().stream()
              .filter(t -> !t.model().equals("blend") && !t.model().equals("cascade"))
              .map(t -> Map.entry(t.model(), withoutTrees(t.hyperParameters())))
              .distinct()
              .count(),
          "two ranker fits (each LambdaMART fit scores its tree ladder): " + trained.tuning());
    }
  }

  private static Map<String, Object> withoutTrees(Map<String, Object> setting) {
    Map<String, Object> shape = new java.util.TreeMap<>(setting);
    shape.remove("trees");
    return shape;
  }
}
