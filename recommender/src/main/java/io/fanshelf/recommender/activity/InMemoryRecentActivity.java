package io.fanshelf.recommender.activity;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.FanId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recent activity in one JVM, for the embedded single-node default: the {@code maxFans} most
 * recently active fans are remembered (least recently active forgotten first), each with up to
 * {@code capacity} entries. Thread-safe.
 */
public final class InMemoryRecentActivity implements RecentActivity {
  private final int capacity;
  private final Map<FanId, List<Activity>> byFan;

  public InMemoryRecentActivity(int capacity, int maxFans) {
    if (capacity < 1 || capacity > 100) {
      throw new IllegalArgumentException("capacity must be between 1 and 100, got " + capacity);
    }
    if (maxFans < 1) {
      throw new IllegalArgumentException("maxFans must be >= 1, got " + maxFans);
    }
    this.capacity = capacity;
    this.byFan =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<FanId, List<Activity>> eldest) {
            return size() > maxFans;
          }
        };
  }

  @Override
  public void record(List<Event> events) {
    for (Event event : events) {
      if (!KEPT.contains(event.type())) {
        continue;
      }
      Activity activity = Activity.of(event);
      synchronized (byFan) {
        List<Activity> list = byFan.computeIfAbsent(event.fan(), fan -> new ArrayList<>());
        merge(list, activity, capacity);
      }
    }
  }

  @Override
  public List<Activity> recent(FanId fan) {
    synchronized (byFan) {
      List<Activity> list = byFan.get(fan);
      return list == null ? List.of() : List.copyOf(list);
    }
  }

  @Override
  public int capacity() {
    return capacity;
  }

  /**
   * Puts {@code activity} into a newest-first list: replaces the entry of the same (product, type)
   * when it is newer, keeps the list ordered by time (stable: ties keep the later recorded first)
   * and at most {@code capacity} long.
   */
  static void merge(List<Activity> list, Activity activity, int capacity) {
    for (int i = 0; i < list.size(); i++) {
      Activity existing = list.get(i);
      if (existing.product().equals(activity.product()) && existing.type() == activity.type()) {
        if (!activity.time().isAfter(existing.time())) {
          return;
        }
        list.remove(i);
        break;
      }
    }
    list.addFirst(activity); // among equal times, the later recorded comes first
    list.sort(Comparator.comparing(Activity::time).reversed());
    while (list.size() > capacity) {
      list.removeLast();
    }
  }
}
