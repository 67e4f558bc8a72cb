package io.fanshelf.recommender.activity;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Each fan's latest views, clicks, carts and purchases, kept beside the event store so that ranking
 * sees an event as soon as it is accepted, on every API node, before the store has indexed it. The
 * embedded default keeps it in memory ({@link InMemoryRecentActivity}); several API nodes share it
 * through Redis. The recommender merges it with the stored history.
 *
 * <p>Implementations keep at most {@link #capacity()} entries per fan, one per (product, type): a
 * repeated view moves the product to the front instead of filling the list. Thread-safe.
 */
public interface RecentActivity {
  /** The event types kept; impressions, favourites, shares and ratings are not recent activity. */
  Set<EventType> KEPT =
      EnumSet.of(EventType.VIEW, EventType.CLICK, EventType.CART, EventType.PURCHASE);

  /**
   * One remembered action, to the second.
   *
   * @param product what
   * @param type one of {@link #KEPT}
   * @param time when, truncated to seconds
   */
  record Activity(ProductId product, EventType type, Instant time) {
    public Activity {
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(type, "type");
      time =
          Objects.requireNonNull(time, "time").truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      if (!KEPT.contains(type)) {
        throw new IllegalArgumentException("recent activity keeps " + KEPT + ", not " + type);
      }
    }

    static Activity of(Event event) {
      return new Activity(event.product(), event.type(), event.time());
    }
  }

  /** Remembers the kept events of a batch; other types are ignored. Never throws for a fan. */
  void record(List<Event> events);

  /** The fan's remembered activity, newest first. */
  List<Activity> recent(FanId fan);

  /** How many entries a fan keeps. */
  int capacity();

  /** Nothing remembered: for training and tools that read only the store. */
  RecentActivity NONE =
      new RecentActivity() {
        @Override
        public void record(List<Event> events) {}

        @Override
        public List<Activity> recent(FanId fan) {
          return List.of();
        }

        @Override
        public int capacity() {
          return 0;
        }
      };
}
