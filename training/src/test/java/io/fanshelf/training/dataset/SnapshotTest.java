package io.fanshelf.training.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.training.SyntheticFixture;
import io.fanshelf.training.TrainingOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Features at a cutoff see nothing from after it. */
class SnapshotTest {
  @TempDir static Path dir;
  static SyntheticFixture fixture;

  @BeforeAll
  static void open() throws Exception {
    fixture = SyntheticFixture.open(dir);
  }

  @AfterAll
  static void close() throws Exception {
    fixture.close();
  }

  @Test
  void aggregatesAndHistoriesStopAtTheCutoff() throws Exception {
    EventLog log = fixture.data.log();
    Instant cutoff = log.quantile(0.5, e -> true);
    Snapshot snapshot = Snapshot.build(fixture.data, e -> e.time().isBefore(cutoff), cutoff);
    Set<ProductId> before = new HashSet<>();
    Set<ProductId> onlyAfter = new HashSet<>();
    for (Event event : log.events()) {
      if (event.time().isBefore(cutoff)) {
        before.add(event.product());
      } else {
        onlyAfter.add(event.product());
      }
    }
    onlyAfter.removeAll(before);
    assertFalse(onlyAfter.isEmpty(), "the fixture has products first bought after the cutoff");
    for (ProductId product : onlyAfter) {
      assertEquals(
          0.0, snapshot.signals().aggregates().popularity(product, cutoff), product.value());
    }
    FanId fan = log.events().getLast().fan();
    FanContext context =
        snapshot.fanContext(fixture.data.ownerOf(fan).orElseThrow(), fan, cutoff, false);
    assertTrue(context.history().stream().allMatch(e -> e.time().isBefore(cutoff)));
    assertEquals(
        log.ofFan(fan).stream().filter(e -> e.time().isBefore(cutoff)).count(),
        context.history().size());
  }

  @Test
  void labelsAreAfterTheCutoffAndExcludeWhatWasSeen() {
    var targets = TrainingOptions.parseTargets("purchase");
    Partition p = new TimeSplit(0.8).partition(fixture.data, e -> true, targets, false);
    assertFalse(p.cases().isEmpty());
    for (FanCase c : p.cases()) {
      assertEquals(p.aggregatesAt(), c.now());
      List<Event> later =
          fixture.data.log().ofFan(c.fan()).stream()
              .filter(e -> !e.time().isBefore(c.now()) && targets.isPositive(e))
              .toList();
      Set<ProductId> bought = new HashSet<>();
      later.forEach(e -> bought.add(e.product()));
      assertTrue(bought.containsAll(c.relevant()));
      for (ProductId seen : c.seen()) {
        assertFalse(c.relevant().contains(seen));
      }
    }
  }

  @Test
  void leaveLastOutHoldsOutEachFansLatestEvents() {
    var targets = TrainingOptions.parseTargets("purchase,view");
    Partition p = new LastSplit(0.2).partition(fixture.data, e -> true, targets, true);
    for (FanCase c : p.cases()) {
      List<Event> events = fixture.data.log().ofFan(c.fan());
      long known = events.stream().filter(p.known()).count();
      long held = events.size() - known;
      assertEquals(Math.max(1, Math.round(0.2 * events.size())), held, c.fan().value());
      for (int i = 0; i < known; i++) {
        assertTrue(p.known().test(events.get(i)), "the known events come first: " + c.fan());
      }
    }
  }

  @Test
  void leaveLastOutAmongSomeEventsHoldsOutTheLatestOfThoseAndKnowsNoOthers() {
    var targets = TrainingOptions.parseTargets("purchase,view");
    Predicate<Event> purchases = e -> e.type() == EventType.PURCHASE;
    Partition p = new LastSplit(0.5).partition(fixture.data, purchases, targets, true);
    assertFalse(p.cases().isEmpty(), "the fixture's fans buy");
    for (FanCase c : p.cases()) {
      List<Event> bought = fixture.data.log().ofFan(c.fan()).stream().filter(purchases).toList();
      int held = Math.max(1, (int) Math.round(0.5 * bought.size()));
      for (int i = 0; i < bought.size(); i++) {
        assertEquals(i < bought.size() - held, p.known().test(bought.get(i)), c.fan().value());
      }
      assertTrue(
          fixture.data.log().ofFan(c.fan()).stream()
              .filter(purchases.negate())
              .noneMatch(p.known()),
          "events outside the split's events are not known: " + c.fan());
    }
  }
}
