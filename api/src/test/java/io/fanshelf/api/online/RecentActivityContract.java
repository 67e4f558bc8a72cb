package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.activity.RecentActivity;
import io.fanshelf.recommender.activity.RecentActivity.Activity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link RecentActivity} must do; run on the in-memory and the Redis one. */
abstract class RecentActivityContract {
  private static final long T0 = 1_790_000_000L;
  private static int ids;

  /** A fresh, empty implementation keeping {@code capacity} entries per fan. */
  protected abstract RecentActivity create(int capacity);

  static Event event(String fan, String product, EventType type, long second) {
    return Event.of("e" + ids++, fan, product, type, Instant.ofEpochSecond(T0 + second));
  }

  static Activity activity(String product, EventType type, long second) {
    return new Activity(ProductId.of(product), type, Instant.ofEpochSecond(T0 + second));
  }

  @Test
  void keepsViewsClicksCartsAndPurchasesNewestFirst() {
    RecentActivity recent = create(8);
    recent.record(
        List.of(
            event("f1", "p1", EventType.VIEW, 1),
            event("f1", "p2", EventType.CLICK, 2),
            event("f1", "p3", EventType.CART, 3),
            event("f1", "p4", EventType.PURCHASE, 4)));
    assertThat(recent.recent(FanId.of("f1")))
        .containsExactly(
            activity("p4", EventType.PURCHASE, 4),
            activity("p3", EventType.CART, 3),
            activity("p2", EventType.CLICK, 2),
            activity("p1", EventType.VIEW, 1));
  }

  @Test
  void ignoresImpressionsFavouritesSharesAndRatings() {
    RecentActivity recent = create(8);
    recent.record(
        List.of(
            event("f1", "p1", EventType.IMPRESSION, 1),
            event("f1", "p2", EventType.FAVORITE, 2),
            event("f1", "p3", EventType.SHARE, 3)));
    assertThat(recent.recent(FanId.of("f1"))).isEmpty();
  }

  @Test
  void keepsOneEntryPerProductAndTypeTheNewest() {
    RecentActivity recent = create(8);
    recent.record(List.of(event("f1", "p1", EventType.VIEW, 10)));
    recent.record(List.of(event("f1", "p1", EventType.VIEW, 20)));
    recent.record(List.of(event("f1", "p1", EventType.VIEW, 5))); // late and older: ignored
    recent.record(List.of(event("f1", "p1", EventType.CART, 15)));
    assertThat(recent.recent(FanId.of("f1")))
        .containsExactly(activity("p1", EventType.VIEW, 20), activity("p1", EventType.CART, 15));
  }

  @Test
  void keepsAtMostCapacityDroppingTheOldest() {
    RecentActivity recent = create(3);
    recent.record(
        List.of(
            event("f1", "p1", EventType.VIEW, 1),
            event("f1", "p2", EventType.VIEW, 2),
            event("f1", "p3", EventType.VIEW, 3),
            event("f1", "p4", EventType.VIEW, 4)));
    recent.record(List.of(event("f1", "p0", EventType.VIEW, 0))); // older than all kept
    assertThat(recent.recent(FanId.of("f1")))
        .containsExactly(
            activity("p4", EventType.VIEW, 4),
            activity("p3", EventType.VIEW, 3),
            activity("p2", EventType.VIEW, 2));
    assertThat(recent.capacity()).isEqualTo(3);
  }

  @Test
  void amongEqualTimesTheLaterRecordedComesFirst() {
    RecentActivity recent = create(8);
    recent.record(List.of(event("f1", "p1", EventType.VIEW, 7)));
    recent.record(List.of(event("f1", "p2", EventType.VIEW, 7)));
    assertThat(recent.recent(FanId.of("f1")))
        .containsExactly(activity("p2", EventType.VIEW, 7), activity("p1", EventType.VIEW, 7));
  }

  @Test
  void fansAreKeptApartInOneBatch() {
    RecentActivity recent = create(8);
    recent.record(
        List.of(
            event("f1", "p1", EventType.VIEW, 1),
            event("f2", "p2", EventType.VIEW, 2),
            event("f1", "p3", EventType.CLICK, 3)));
    assertThat(recent.recent(FanId.of("f1")))
        .containsExactly(activity("p3", EventType.CLICK, 3), activity("p1", EventType.VIEW, 1));
    assertThat(recent.recent(FanId.of("f2"))).containsExactly(activity("p2", EventType.VIEW, 2));
    assertThat(recent.recent(FanId.of("nobody"))).isEmpty();
  }

  @Test
  void keepsAnyScriptInProductIdsAndTimesToTheSecond() {
    RecentActivity recent = create(8);
    recent.record(
        List.of(
            Event.of(
                "e-zh",
                "粉丝-1",
                "面霜-01",
                EventType.VIEW,
                Instant.ofEpochSecond(T0 + 9).plusMillis(750))));
    assertThat(recent.recent(FanId.of("粉丝-1")))
        .containsExactly(activity("面霜-01", EventType.VIEW, 9));
  }
}
