package io.fanshelf.api.owner;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of the events attributed to each owner (those carrying an owner), per fan and per UTC day,
 * kept in memory: built from the event log at startup and updated as new attributed events are
 * stored. A shelf page view is the first impression of a rendered page (see {@link
 * #isPageView(Event)}). Thread-safe.
 */
public final class AttributedStats {
  /** Event id prefix of shelf impressions; the page view is position 0 of a render. */
  public static final String SHELF_IMPRESSION_PREFIX = "shelf-imp-";

  private static final int PAGE_VIEWS = EventType.values().length;
  private static final int SLOTS = PAGE_VIEWS + 1;
  // A fan's array carries two more slots, epoch milliseconds kept as maxima, never summed.
  private static final int LAST_EVENT = SLOTS;
  private static final int LAST_PAGE_VIEW = SLOTS + 1;
  private static final int FAN_SLOTS = SLOTS + 2;

  private final Map<OwnerId, OwnerCounts> owners = new ConcurrentHashMap<>();

  private static final class OwnerCounts {
    final Map<FanId, AtomicLongArray> fans = new ConcurrentHashMap<>();
    final NavigableMap<LocalDate, AtomicLongArray> days = new ConcurrentSkipListMap<>();
    final AtomicLongArray total = new AtomicLongArray(SLOTS);
  }

  /**
   * Counts of one fan, segment or owner.
   *
   * @param pageViews shelf pages opened
   * @param impressions products shown
   * @param views product views
   * @param clicks clicks on products
   * @param favorites favourites
   * @param carts add-to-carts
   * @param purchases purchases
   * @param shares shares
   */
  public record Counts(
      long pageViews,
      long impressions,
      long views,
      long clicks,
      long favorites,
      long carts,
      long purchases,
      long shares) {
    static Counts of(long[] slots) {
      return new Counts(
          slots[PAGE_VIEWS],
          slots[EventType.IMPRESSION.ordinal()],
          slots[EventType.VIEW.ordinal()],
          slots[EventType.CLICK.ordinal()],
          slots[EventType.FAVORITE.ordinal()],
          slots[EventType.CART.ordinal()],
          slots[EventType.PURCHASE.ordinal()],
          slots[EventType.SHARE.ordinal()]);
    }

    /** Clicks per impression, 0 without impressions. */
    public double clickThroughRate() {
      return impressions == 0 ? 0 : (double) clicks / impressions;
    }
  }

  /**
   * One fan's counts with when they last did something the owner can see.
   *
   * @param counts the fan's counts
   * @param lastActive the time of the fan's latest attributed event
   * @param lastOpened the time the fan last opened the owner's shelf
   */
  public record Activity(
      Counts counts, Optional<Instant> lastActive, Optional<Instant> lastOpened) {
    public static final Activity NONE =
        new Activity(Counts.of(new long[SLOTS]), Optional.empty(), Optional.empty());

    static Activity of(AtomicLongArray fan) {
      long[] slots = snapshot(fan);
      return new Activity(Counts.of(slots), time(slots[LAST_EVENT]), time(slots[LAST_PAGE_VIEW]));
    }

    private static Optional<Instant> time(long epochMillis) {
      return epochMillis == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(epochMillis));
    }
  }

  /** One day of an owner's counts. */
  public record Day(LocalDate day, Counts counts) {}

  /** Forgets every count, before the event log is counted afresh. */
  public void clear() {
    owners.clear();
  }

  /** Counts one newly stored event; events without an owner are ignored. */
  public void add(Event event) {
    if (event.owner().isEmpty()) {
      return;
    }
    OwnerCounts counts = owners.computeIfAbsent(event.owner().get(), o -> new OwnerCounts());
    AtomicLongArray fan =
        counts.fans.computeIfAbsent(event.fan(), f -> new AtomicLongArray(FAN_SLOTS));
    long at = event.time().toEpochMilli();
    fan.accumulateAndGet(LAST_EVENT, at, Math::max);
    if (isPageView(event)) {
      fan.accumulateAndGet(LAST_PAGE_VIEW, at, Math::max);
    }
    AtomicLongArray day =
        counts.days.computeIfAbsent(
            LocalDate.ofInstant(event.time(), ZoneOffset.UTC), d -> new AtomicLongArray(SLOTS));
    int slot = event.type().ordinal();
    for (AtomicLongArray target : List.of(fan, day, counts.total)) {
      target.incrementAndGet(slot);
      if (isPageView(event)) {
        target.incrementAndGet(PAGE_VIEWS);
      }
    }
  }

  /** A shelf impression at position 0 stands for one opened page. */
  public static boolean isPageView(Event event) {
    return event.type() == EventType.IMPRESSION
        && event.id().value().startsWith(SHELF_IMPRESSION_PREFIX)
        && event.id().value().endsWith("-0");
  }

  public Counts owner(OwnerId owner) {
    OwnerCounts counts = owners.get(owner);
    return counts == null ? Counts.of(new long[SLOTS]) : Counts.of(snapshot(counts.total));
  }

  public Counts fan(OwnerId owner, FanId fan) {
    return fans(owner, List.of(fan));
  }

  /**
   * Every fan of the owner with attributed events, by fan: one map read for a whole fan list
   * instead of a lookup per row. Fans without events are absent; see {@link Activity#NONE}.
   */
  public Map<FanId, Activity> activity(OwnerId owner) {
    OwnerCounts counts = owners.get(owner);
    if (counts == null) {
      return Map.of();
    }
    Map<FanId, Activity> activity = new HashMap<>(counts.fans.size() * 2);
    counts.fans.forEach((fan, slots) -> activity.put(fan, Activity.of(slots)));
    return activity;
  }

  /** One fan's counts and latest times with the owner; {@link Activity#NONE} without events. */
  public Activity activity(OwnerId owner, FanId fan) {
    OwnerCounts counts = owners.get(owner);
    AtomicLongArray one = counts == null ? null : counts.fans.get(fan);
    return one == null ? Activity.NONE : Activity.of(one);
  }

  /** The sum over some of the owner's fans. */
  public Counts fans(OwnerId owner, Collection<FanId> fans) {
    long[] sum = new long[SLOTS];
    OwnerCounts counts = owners.get(owner);
    if (counts != null) {
      for (FanId fan : fans) {
        AtomicLongArray one = counts.fans.get(fan);
        if (one != null) {
          for (int i = 0; i < SLOTS; i++) {
            sum[i] += one.get(i);
          }
        }
      }
    }
    return Counts.of(sum);
  }

  /** The owner's last {@code days} days up to {@code until}, oldest first, empty days included. */
  public List<Day> days(OwnerId owner, LocalDate until, int days) {
    OwnerCounts counts = owners.get(owner);
    List<Day> series = new ArrayList<>(days);
    for (LocalDate day = until.minusDays(days - 1L); !day.isAfter(until); day = day.plusDays(1)) {
      AtomicLongArray one = counts == null ? null : counts.days.get(day);
      series.add(new Day(day, Counts.of(one == null ? new long[SLOTS] : snapshot(one))));
    }
    return series;
  }

  /**
   * Writes every count, for {@link StatsSnapshots}; concurrent adds may or may not be included, so
   * the caller keeps them out (see {@link io.fanshelf.api.event.StoringGate}). In key order, so
   * equal counts write equal bytes.
   */
  void writeTo(DataOutput out) throws IOException {
    out.writeInt(SLOTS);
    out.writeInt(owners.size());
    for (Map.Entry<OwnerId, OwnerCounts> owner : new TreeMap<>(owners).entrySet()) {
      OwnerCounts counts = owner.getValue();
      out.writeUTF(owner.getKey().value());
      out.writeInt(counts.fans.size());
      for (Map.Entry<FanId, AtomicLongArray> fan : new TreeMap<>(counts.fans).entrySet()) {
        out.writeUTF(fan.getKey().value());
        writeSlots(out, fan.getValue());
      }
      out.writeInt(counts.days.size());
      for (Map.Entry<LocalDate, AtomicLongArray> day : counts.days.entrySet()) {
        out.writeLong(day.getKey().toEpochDay());
        writeSlots(out, day.getValue());
      }
      writeSlots(out, counts.total);
    }
  }

  /**
   * Replaces every count with those {@link #writeTo} wrote; the input was checked whole (checksum)
   * before, so a count here is one the writer wrote.
   */
  void readFrom(DataInput in) throws IOException {
    int slots = in.readInt();
    if (slots != SLOTS) {
      throw new IOException(
          "the statistics have " + slots + " counts per entry, this version " + SLOTS);
    }
    owners.clear();
    int ownerCount = in.readInt();
    for (int o = 0; o < ownerCount; o++) {
      OwnerCounts counts = new OwnerCounts();
      owners.put(new OwnerId(in.readUTF()), counts);
      int fanCount = in.readInt();
      for (int f = 0; f < fanCount; f++) {
        counts.fans.put(new FanId(in.readUTF()), readSlots(in, FAN_SLOTS));
      }
      int dayCount = in.readInt();
      for (int d = 0; d < dayCount; d++) {
        counts.days.put(LocalDate.ofEpochDay(in.readLong()), readSlots(in, SLOTS));
      }
      AtomicLongArray total = readSlots(in, SLOTS);
      for (int i = 0; i < SLOTS; i++) {
        counts.total.set(i, total.get(i));
      }
    }
  }

  private static void writeSlots(DataOutput out, AtomicLongArray slots) throws IOException {
    out.writeInt(slots.length());
    for (int i = 0; i < slots.length(); i++) {
      out.writeLong(slots.get(i));
    }
  }

  private static AtomicLongArray readSlots(DataInput in, int expected) throws IOException {
    int length = in.readInt();
    if (length != expected) {
      throw new IOException("an entry has " + length + " counts, expected " + expected);
    }
    AtomicLongArray slots = new AtomicLongArray(length);
    for (int i = 0; i < length; i++) {
      slots.set(i, in.readLong());
    }
    return slots;
  }

  private static long[] snapshot(AtomicLongArray array) {
    long[] copy = new long[array.length()];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = array.get(i);
    }
    return copy;
  }
}
