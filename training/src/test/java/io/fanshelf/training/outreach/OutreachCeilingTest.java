package io.fanshelf.training.outreach;

import static io.fanshelf.training.outreach.FanEstimatorTest.D;
import static io.fanshelf.training.outreach.FanEstimatorTest.dataset;
import static io.fanshelf.training.outreach.FanEstimatorTest.fan;
import static io.fanshelf.training.outreach.FanEstimatorTest.purchase;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutreachCeilingTest {
  @Test
  void topFansByScoreTiesByIdAndTheirBuyersInTheWindow() {
    List<Event> events = dataset();
    for (int week = 1; week <= 6; week++) {
      purchase(events, "a", -7L * week);
      if (week <= 3) {
        purchase(events, "b", -7L * week);
      }
    }
    purchase(events, "c", -7);
    purchase(events, "d", -7);
    purchase(events, "a", 6); // in the window [day, day + 7)
    purchase(events, "b", 7); // the day after it
    purchase(events, "d", 0);
    List<Fan> fans = List.of(fan("d"), fan("c"), fan("b"), fan("a"), fan("e"));
    FanEstimator weeks = new FanEstimator.WeekShare(8);
    OutreachCeiling ceiling =
        new OutreachCeiling(
            Purchases.of(events), List.of(weeks, new FanEstimator.OracleWeeks(true)), 3, 7);

    assertEquals(List.of(FanId.of("a"), FanId.of("b"), FanId.of("c")), ceiling.top(weeks, fans, D));
    assertEquals(1, ceiling.buyers(ceiling.top(weeks, fans, D), D));
    // the oracle over weeks -29..1 sees the window: a 7 weeks, b 4, d 2 (one of them week 0), c 1
    List<FanId> oracle = ceiling.top(ceiling.estimators().get(1), fans, D);
    assertEquals(List.of(FanId.of("a"), FanId.of("b"), FanId.of("d")), oracle);
    assertArrayEquals(new int[] {1, 2}, ceiling.buyersOfTop(fans, D));
    assertThrows(
        IllegalArgumentException.class,
        () -> new OutreachCeiling(Purchases.of(events), List.of(), 0, 7));
  }

  @Test
  void purchasesSplitAtTheDay() {
    List<Event> events = dataset();
    purchase(events, "a", -1);
    purchase(events, "a", 0);
    purchase(events, "a", 9);
    Purchases purchases = Purchases.of(events);
    FanId a = FanId.of("a");
    assertArrayEquals(new long[] {D - 1}, purchases.before(a, D));
    assertArrayEquals(new long[] {D - 1, D, D + 9}, purchases.all(a));
    assertTrue(purchases.bought(a, D, 1));
    assertFalse(purchases.bought(a, D + 1, 8));
    assertTrue(purchases.bought(a, D + 1, 9));
    assertEquals(D - 200, purchases.firstDay());
    assertEquals(D + 9, purchases.lastDay());
    assertThrows(IllegalArgumentException.class, () -> Purchases.of(List.of()));
  }
}
