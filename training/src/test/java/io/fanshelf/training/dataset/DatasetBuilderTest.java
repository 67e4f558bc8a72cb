package io.fanshelf.training.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which fans the ranker's examples also show as newcomers. */
class DatasetBuilderTest {
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void newcomersAreTheFansWithEventsWhenAnyFanIsLabelled() {
    List<FanCase> cases = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      cases.add(fan("f" + i, i % 4 == 0 ? 0 : 3, i == 1));
    }
    Set<FanId> newcomers =
        DatasetBuilder.newcomers(partition(cases), SamplingOptions.defaults(42), 1.0);
    // every fan with known events, labelled or not: the unlabelled ones are the labels' contrast
    assertEquals(30, newcomers.size());
    assertEquals(
        0, DatasetBuilder.newcomers(partition(cases), SamplingOptions.defaults(42), 0.0).size());
  }

  @Test
  void noNewcomersWithoutAnyLabelledFan() {
    List<FanCase> cases = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      cases.add(fan("f" + i, 3, false));
    }
    assertEquals(
        Set.of(), DatasetBuilder.newcomers(partition(cases), SamplingOptions.defaults(42), 1.0));
  }

  private static FanCase fan(String id, int trainingEvents, boolean labelled) {
    return new FanCase(
        new FanId(id),
        new OwnerId("o1"),
        NOW,
        Set.of(new ProductId("p1")),
        Set.of(),
        Set.of(),
        trainingEvents,
        labelled,
        false);
  }

  private static Partition partition(List<FanCase> cases) {
    return new Partition(event -> true, NOW, cases, "test", 0, cases.size());
  }
}
