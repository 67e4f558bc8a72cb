package io.fanshelf.recommender.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.model.ProductId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanItemsTest {
  private static final ItemIndex ITEMS =
      new ItemIndex(List.of(ProductId.of("a"), ProductId.of("b"), ProductId.of("c")));

  private static Event event(int n, String product, EventType type) {
    return Event.of("e" + n, "f1", product, type, Instant.EPOCH.plusSeconds(n));
  }

  @Test
  void sumsEachProductsPositiveWeightsCappedAtOneRowsAscending() {
    List<Event> events =
        List.of(
            event(1, "c", EventType.VIEW),
            event(2, "a", EventType.CLICK),
            event(3, "c", EventType.CLICK),
            event(4, "unknown", EventType.PURCHASE),
            event(5, "b", EventType.IMPRESSION),
            event(6, "a", EventType.CART),
            event(7, "a", EventType.PURCHASE));
    FanItems fan = FanItems.of(events, FeedbackPolicy.defaults(), ITEMS);
    assertArrayEquals(new int[] {0, 2}, fan.rows(), "impressions and unknown products left out");
    assertArrayEquals(new float[] {1f, (float) (0.2 + 0.3)}, fan.weights(), 0f);
    assertTrue(fan.contains(2));
    assertEquals(
        FanItems.EMPTY.size(), FanItems.of(List.of(), FeedbackPolicy.defaults(), ITEMS).size());
  }

  @Test
  void aHistoryLongerThanTheFirstBufferIsReadWhole() {
    List<Event> events = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      events.add(event(n, n < 39 ? "b" : "c", EventType.VIEW));
    }
    FanItems fan = FanItems.of(events, FeedbackPolicy.defaults(), ITEMS);
    assertArrayEquals(new int[] {1, 2}, fan.rows(), "the 40th event counts");
    assertArrayEquals(new float[] {1f, 0.2f}, fan.weights(), 0f);
  }
}
