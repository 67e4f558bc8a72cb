package io.fanshelf.api.funnel;

import io.fanshelf.api.owner.AttributedStats;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The funnel's counts per owner, UTC day and fan, in memory.
 *
 * <p>What counts for an owner (attribution):
 *
 * <ul>
 *   <li>an <b>open</b>: the page view of the owner's shelf (its first impression, see {@link
 *       AttributedStats#isPageView});
 *   <li>a <b>click</b>: a click event that carries the owner (the shelf records them);
 *   <li>a <b>cart</b> or <b>purchase</b> that carries the owner (the platform app passes on the
 *       owner the shelf's buy link names), or, carrying no owner, of a product the same fan last
 *       clicked on the owner's shelf at most {@link FunnelProperties#attributionWindow} before
 *       (last click wins when several owners' shelves led there). One that carries another owner
 *       stays that owner's.
 * </ul>
 *
 * A purchase's revenue is the product's catalog price when it is counted (events carry no price)
 * times the event's quantity ({@code value}, 1 when absent), its commission that revenue times the
 * product's commission rate; a product no longer in the catalog adds the purchase without money.
 * The window looks at the fan's last 8 clicks on the product, whatever order they were stored in;
 * but events count as they are stored, so a purchase stored before the click that led to it is not
 * attributed to the click's owner. With a store shared by several nodes "as stored" is the order of
 * the statistics feed, which every node counts ({@link io.fanshelf.api.owner.StatsService}), so
 * every node's ledger is the one a single node storing every event would have. Thread-safe: each
 * owner's counts are guarded by their own lock.
 */
@Component
public class FunnelLedger {
  static final int OPENS = 0;
  static final int CLICKS = 1;
  static final int CARTS = 2;
  static final int PURCHASES = 3;
  static final int REVENUE_CENTS = 4;
  static final int COMMISSION_CENTS = 5;
  static final int SLOTS = 6;

  /** Looks a product up in the catalog; empty when the catalog no longer has it. */
  interface Catalog {
    Optional<Product> get(ProductId product) throws IOException;
  }

  private record Click(OwnerId owner, Instant time) {}

  private final Catalog catalog;
  private final Duration window;
  private final Map<OwnerId, OwnerDays> owners = new ConcurrentHashMap<>();
  // Each fan's latest clicks per product on any owner's shelf, for carts and purchases without one.
  private final Map<FanId, Map<ProductId, Clicks>> clicks = new ConcurrentHashMap<>();

  /** One owner's counts: day to fan to slots. Guarded by itself. */
  private static final class OwnerDays {
    final TreeMap<LocalDate, Map<FanId, long[]>> days = new TreeMap<>();
  }

  @Autowired
  public FunnelLedger(Indexer indexer, FunnelProperties properties) {
    this(product -> indexer.store().catalog().get(product), properties.attributionWindow());
  }

  FunnelLedger(Catalog catalog, Duration window) {
    this.catalog = catalog;
    this.window = window;
  }

  /** The attribution window the counts were made with; a snapshot is only valid under the same. */
  public Duration window() {
    return window;
  }

  /**
   * Writes the counts and the remembered clicks, for the owner statistics' snapshot; the caller
   * keeps concurrent counting out (see {@link io.fanshelf.api.event.StoringGate}). In key order, so
   * equal ledgers write equal bytes.
   */
  public void writeTo(DataOutput out) throws IOException {
    out.writeInt(SLOTS);
    out.writeInt(owners.size());
    for (Map.Entry<OwnerId, OwnerDays> owner : new TreeMap<>(owners).entrySet()) {
      out.writeUTF(owner.getKey().value());
      synchronized (owner.getValue()) {
        out.writeInt(owner.getValue().days.size());
        for (Map.Entry<LocalDate, Map<FanId, long[]>> day : owner.getValue().days.entrySet()) {
          out.writeLong(day.getKey().toEpochDay());
          out.writeInt(day.getValue().size());
          for (Map.Entry<FanId, long[]> fan : new TreeMap<>(day.getValue()).entrySet()) {
            out.writeUTF(fan.getKey().value());
            for (long slot : fan.getValue()) {
              out.writeLong(slot);
            }
          }
        }
      }
    }
    out.writeInt(clicks.size());
    for (Map.Entry<FanId, Map<ProductId, Clicks>> fan : new TreeMap<>(clicks).entrySet()) {
      Map<ProductId, Clicks> products = new TreeMap<>(fan.getValue());
      out.writeUTF(fan.getKey().value());
      out.writeInt(products.size());
      for (Map.Entry<ProductId, Clicks> product : products.entrySet()) {
        out.writeUTF(product.getKey().value());
        product.getValue().writeTo(out);
      }
    }
  }

  /**
   * Replaces everything with what {@link #writeTo} wrote (checked whole by its checksum before).
   */
  public void readFrom(DataInput in) throws IOException {
    int slots = in.readInt();
    if (slots != SLOTS) {
      throw new IOException("the funnel has " + slots + " counts per entry, this version " + SLOTS);
    }
    clear();
    int ownerCount = in.readInt();
    for (int o = 0; o < ownerCount; o++) {
      OwnerDays counts = new OwnerDays();
      owners.put(new OwnerId(in.readUTF()), counts);
      int dayCount = in.readInt();
      for (int d = 0; d < dayCount; d++) {
        LocalDate day = LocalDate.ofEpochDay(in.readLong());
        int fanCount = in.readInt();
        Map<FanId, long[]> fans = new HashMap<>(fanCount * 2);
        for (int f = 0; f < fanCount; f++) {
          FanId fan = new FanId(in.readUTF());
          long[] fanSlots = new long[SLOTS];
          for (int i = 0; i < SLOTS; i++) {
            fanSlots[i] = in.readLong();
          }
          fans.put(fan, fanSlots);
        }
        counts.days.put(day, fans);
      }
    }
    int fanCount = in.readInt();
    for (int f = 0; f < fanCount; f++) {
      Map<ProductId, Clicks> products = new ConcurrentHashMap<>();
      clicks.put(new FanId(in.readUTF()), products);
      int productCount = in.readInt();
      for (int p = 0; p < productCount; p++) {
        products.put(new ProductId(in.readUTF()), Clicks.readFrom(in));
      }
    }
  }

  /** Forgets everything, before the event log is counted afresh. */
  public void clear() {
    owners.clear();
    clicks.clear();
  }

  /**
   * Whether {@link #count} may change the ledger for this event: one that carries an owner, or a
   * cart or purchase that carries none (the owner of the fan's last click on the product may get
   * it). Every other event (a view, an impression without an owner...) changes nothing.
   */
  public static boolean mayCount(Event event) {
    return event.owner().isPresent()
        || event.type() == EventType.CART
        || event.type() == EventType.PURCHASE;
  }

  /**
   * Counts one stored event if it is attributed to an owner; others change nothing. Called in the
   * order events are stored ({@link io.fanshelf.api.owner.StatsService}: on this node's store, or
   * in the order of the statistics feed when several nodes share one).
   */
  public void count(Event event) {
    Optional<OwnerId> owner = event.owner();
    switch (event.type()) {
      case IMPRESSION -> {
        if (owner.isPresent() && AttributedStats.isPageView(event)) {
          add(owner.get(), event, OPENS, 0, 0);
        }
      }
      case CLICK -> {
        if (owner.isPresent()) {
          remember(event, owner.get());
          add(owner.get(), event, CLICKS, 0, 0);
        }
      }
      case CART -> owner.or(() -> clickedOwner(event)).ifPresent(o -> add(o, event, CARTS, 0, 0));
      case PURCHASE -> {
        Optional<OwnerId> to = owner.or(() -> clickedOwner(event));
        if (to.isPresent()) {
          purchase(to.get(), event);
        }
      }
      default -> {}
    }
  }

  private void remember(Event event, OwnerId owner) {
    clicks
        .computeIfAbsent(event.fan(), f -> new ConcurrentHashMap<>())
        .computeIfAbsent(event.product(), p -> new Clicks())
        .add(new Click(owner, event.time()));
  }

  private Optional<OwnerId> clickedOwner(Event event) {
    Map<ProductId, Clicks> fan = clicks.get(event.fan());
    Clicks product = fan == null ? null : fan.get(event.product());
    return product == null ? Optional.empty() : product.before(event.time(), window);
  }

  /**
   * A fan's latest clicks on one product, oldest first, at most {@value #KEPT} (events may be
   * stored out of time order, e.g. from an import, so the latest click is not always the one that
   * led to a purchase). Guarded by itself.
   */
  private static final class Clicks {
    static final int KEPT = 8;
    private final List<Click> times = new ArrayList<>(1);

    synchronized void add(Click click) {
      int at = times.size();
      while (at > 0 && times.get(at - 1).time().isAfter(click.time())) {
        at--;
      }
      times.add(at, click);
      if (times.size() > KEPT) {
        times.removeFirst();
      }
    }

    synchronized void writeTo(DataOutput out) throws IOException {
      out.writeInt(times.size());
      for (Click click : times) {
        out.writeUTF(click.owner().value());
        out.writeLong(click.time().getEpochSecond());
        out.writeInt(click.time().getNano());
      }
    }

    static Clicks readFrom(DataInput in) throws IOException {
      int count = in.readInt();
      if (count < 0 || count > KEPT) {
        throw new IOException("a product has " + count + " remembered clicks, at most " + KEPT);
      }
      Clicks clicks = new Clicks();
      for (int i = 0; i < count; i++) {
        clicks.times.add(
            new Click(
                new OwnerId(in.readUTF()), Instant.ofEpochSecond(in.readLong(), in.readInt())));
      }
      return clicks;
    }

    /** The owner of the latest click at or before {@code time}, at most {@code window} before. */
    synchronized Optional<OwnerId> before(Instant time, Duration window) {
      for (int i = times.size() - 1; i >= 0; i--) {
        Click click = times.get(i);
        if (!click.time().isAfter(time)) {
          return click.time().plus(window).isBefore(time)
              ? Optional.empty()
              : Optional.of(click.owner());
        }
      }
      return Optional.empty();
    }
  }

  private void purchase(OwnerId owner, Event event) {
    Optional<Product> product;
    try {
      product = catalog.get(event.product());
    } catch (IOException e) {
      throw new UncheckedIOException("reading product " + event.product() + " for its price", e);
    }
    double quantity = event.value().orElse(1);
    long revenue = product.map(p -> Math.round(p.priceCents() * quantity)).orElse(0L);
    long commission = product.map(p -> Math.round(revenue * p.commissionRate())).orElse(0L);
    add(owner, event, PURCHASES, revenue, commission);
  }

  private void add(OwnerId owner, Event event, int slot, long revenue, long commission) {
    OwnerDays counts = owners.computeIfAbsent(owner, o -> new OwnerDays());
    LocalDate day = LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
    synchronized (counts) {
      long[] fan =
          counts
              .days
              .computeIfAbsent(day, d -> new HashMap<>())
              .computeIfAbsent(event.fan(), f -> new long[SLOTS]);
      fan[slot]++;
      fan[REVENUE_CENTS] += revenue;
      fan[COMMISSION_CENTS] += commission;
    }
  }

  /** Receives one (day, fan, counts) of a walk; the counts array must not be kept. */
  interface Visitor {
    void visit(LocalDate day, FanId fan, long[] counts);
  }

  /**
   * Visits the owner's counts from {@code from} to {@code to} (UTC days, both included) of the fans
   * {@code which} accepts, day by day, under the owner's lock.
   */
  void forEach(
      OwnerId owner, LocalDate from, LocalDate to, Predicate<FanId> which, Visitor visitor) {
    OwnerDays counts = owners.get(owner);
    if (counts == null) {
      return;
    }
    synchronized (counts) {
      counts
          .days
          .subMap(from, true, to, true)
          .forEach(
              (day, fans) ->
                  fans.forEach(
                      (fan, slots) -> {
                        if (which.test(fan)) {
                          visitor.visit(day, fan, slots);
                        }
                      }));
    }
  }

  /** The owner's latest day with attributed activity, if any. */
  Optional<LocalDate> lastDay(OwnerId owner) {
    OwnerDays counts = owners.get(owner);
    if (counts == null) {
      return Optional.empty();
    }
    synchronized (counts) {
      return counts.days.isEmpty() ? Optional.empty() : Optional.of(counts.days.lastKey());
    }
  }

  /** One fan's counts with the owner over all days: opens, clicks, carts, purchases, money. */
  long[] fan(OwnerId owner, FanId fan) {
    long[] sum = new long[SLOTS];
    OwnerDays counts = owners.get(owner);
    if (counts != null) {
      synchronized (counts) {
        for (Map<FanId, long[]> day : counts.days.values()) {
          long[] slots = day.get(fan);
          if (slots != null) {
            for (int i = 0; i < SLOTS; i++) {
              sum[i] += slots[i];
            }
          }
        }
      }
    }
    return sum;
  }
}
