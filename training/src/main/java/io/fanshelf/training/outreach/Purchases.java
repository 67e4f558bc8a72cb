package io.fanshelf.training.outreach;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The days (UTC) each fan bought on, sorted, over the whole data set: what the estimators read.
 * Immutable and thread-safe.
 */
public final class Purchases {
  private static final long[] NONE = new long[0];

  private final Map<FanId, long[]> days;
  private final long firstDay;
  private final long lastDay;

  private Purchases(Map<FanId, long[]> days, long firstDay, long lastDay) {
    this.days = days;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
  }

  /**
   * The purchase days of the events; the data set spans the days of its first and last event of any
   * type.
   *
   * @throws IllegalArgumentException when there are no events
   */
  public static Purchases of(Collection<Event> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("expected events to measure on, got none");
    }
    Map<FanId, TreeSet<Long>> byFan = new HashMap<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Event event : events) {
      long day = day(event.time());
      first = Math.min(first, day);
      last = Math.max(last, day);
      if (event.type() == EventType.PURCHASE) {
        byFan.computeIfAbsent(event.fan(), f -> new TreeSet<>()).add(day);
      }
    }
    Map<FanId, long[]> days = new HashMap<>();
    byFan.forEach((fan, set) -> days.put(fan, set.stream().mapToLong(Long::longValue).toArray()));
    return new Purchases(days, first, last);
  }

  /** The UTC day number (days since 1970-01-01) of an instant. */
  public static long day(Instant time) {
    return time.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
  }

  /** The first day of the data set. */
  public long firstDay() {
    return firstDay;
  }

  /** The last day of the data set. */
  public long lastDay() {
    return lastDay;
  }

  /** All the fan's purchase days, future included, sorted; empty when they never bought. */
  long[] all(FanId fan) {
    return days.getOrDefault(fan, NONE);
  }

  /** The fan's purchase days before the given day, sorted. */
  long[] before(FanId fan, long day) {
    long[] all = all(fan);
    int end = Arrays.binarySearch(all, day);
    return Arrays.copyOf(all, end >= 0 ? end : -end - 1);
  }

  /** Whether the fan bought on a day in [from, from + days). */
  public boolean bought(FanId fan, long from, int days) {
    long[] all = all(fan);
    int at = Arrays.binarySearch(all, from);
    int index = at >= 0 ? at : -at - 1;
    return index < all.length && all[index] < from + days;
  }
}
