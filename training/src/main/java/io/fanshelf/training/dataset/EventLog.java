package io.fanshelf.training.dataset;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.store.EventReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every event of a data directory in memory, in time order (ties by id), with each fan's events.
 * Training reads the log once and cuts it many times: aggregates before a cutoff, a fan's history
 * before a moment, the labels of a window. Immutable and thread-safe.
 */
public final class EventLog {
  /** The log's order: by time, ties by id. */
  static final Comparator<Event> ORDER =
      Comparator.comparing(Event::time).thenComparing(e -> e.id().value());

  private final List<Event> events;
  private final Map<FanId, List<Event>> byFan;

  private EventLog(List<Event> events) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(ORDER);
    this.events = List.copyOf(sorted);
    Map<FanId, List<Event>> fans = new HashMap<>();
    for (Event event : this.events) {
      fans.computeIfAbsent(event.fan(), f -> new ArrayList<>()).add(event);
    }
    fans.replaceAll((fan, list) -> List.copyOf(list));
    this.byFan = Map.copyOf(fans);
  }

  public static EventLog of(List<Event> events) {
    return new EventLog(events);
  }

  /** Reads every event of the store. */
  public static EventLog load(EventReader store) throws IOException {
    List<Event> all = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, store.count()));
    store.forEach(all::add);
    return new EventLog(all);
  }

  /** All events, oldest first. */
  public List<Event> events() {
    return events;
  }

  public int size() {
    return events.size();
  }

  /** One fan's events, oldest first; empty for a fan without events. */
  public List<Event> ofFan(FanId fan) {
    return byFan.getOrDefault(fan, List.of());
  }

  public Iterable<FanId> fans() {
    return byFan.keySet();
  }

  /**
   * The time below which {@code fraction} of the accepted events lie: the event time at index
   * {@code floor(fraction * n)} of the accepted events in time order. Events at exactly that time
   * fall on the later side of a split {@code time < cutoff}.
   */
  public Instant quantile(double fraction, Predicate<? super Event> among) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1), got " + fraction);
    }
    List<Instant> times = new ArrayList<>();
    for (Event event : events) {
      if (among.test(event)) {
        times.add(event.time());
      }
    }
    if (times.size() < 2) {
      throw new IllegalArgumentException(
          "need at least 2 events to split by time, got " + times.size());
    }
    return times.get((int) Math.floor(fraction * times.size()));
  }

  /**
   * An {@link EventReader} over the accepted events, for {@link
   * io.fanshelf.indexer.aggregate.EventAggregates#rebuild}; it supports {@code forEach} and {@code
   * count} only.
   */
  public EventReader view(Predicate<? super Event> include) {
    return new EventReader() {
      @Override
      public boolean contains(EventId id) {
        throw new UnsupportedOperationException("not needed by training");
      }

      @Override
      public List<Event> recent(FanId fan, int limit) {
        throw new UnsupportedOperationException("not needed by training");
      }

      @Override
      public List<Event> allOf(FanId fan) {
        throw new UnsupportedOperationException("not needed by training");
      }

      @Override
      public long count() {
        return events.stream().filter(include).count();
      }

      @Override
      public void forEach(Consumer<Event> visitor) {
        for (Event event : events) {
          if (include.test(event)) {
            visitor.accept(event);
          }
        }
      }
    };
  }
}
