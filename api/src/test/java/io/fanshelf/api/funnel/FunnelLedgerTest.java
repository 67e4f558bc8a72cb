package io.fanshelf.api.funnel;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class FunnelLedgerTest {
  private static final OwnerId A = OwnerId.of("shop-a");
  private static final OwnerId B = OwnerId.of("shop-b");
  private static final Instant T = Instant.parse("2025-05-01T10:00:00Z");
  private static final Product CREAM =
      new Product(
          ProductId.of("cream"),
          "面霜",
          List.of("美妆", "面霜"),
          Optional.empty(),
          12_900,
          5,
          Map.of(),
          Set.of(),
          T,
          Optional.empty(),
          0.2);

  private final FunnelLedger ledger =
      new FunnelLedger(
          id -> id.equals(CREAM.id()) ? Optional.of(CREAM) : Optional.empty(), Duration.ofDays(7));
  private int ids;

  @Test
  void aPurchaseWithoutOwnerGoesToTheLastClickWithinTheWindow() {
    ledger.count(event("fan", "cream", EventType.CLICK, T, A, 0));
    ledger.count(event("fan", "cream", EventType.CLICK, T.plusSeconds(60), B, 0));
    ledger.count(event("fan", "cream", EventType.PURCHASE, T.plus(Duration.ofDays(7)), null, 2));
    ledger.count(event("fan", "cream", EventType.PURCHASE, T.plus(Duration.ofDays(8)), null, 1));
    ledger.count(event("fan", "cream", EventType.CART, T.minusSeconds(1), null, 0));
    ledger.count(event("other", "cream", EventType.PURCHASE, T.plusSeconds(90), null, 1));
    long[] a = ledger.fan(A, FanId.of("fan"));
    long[] b = ledger.fan(B, FanId.of("fan"));
    Assertions.assertEquals(1, a[FunnelLedger.CLICKS]);
    Assertions.assertEquals(0, a[FunnelLedger.PURCHASES]);
    Assertions.assertEquals(1, b[FunnelLedger.PURCHASES], "last click wins, inside 7 days only");
    Assertions.assertEquals(0, b[FunnelLedger.CARTS], "a cart before the click is not its result");
    Assertions.assertEquals(25_800, b[FunnelLedger.REVENUE_CENTS]);
    Assertions.assertEquals(5_160, b[FunnelLedger.COMMISSION_CENTS]);
    Assertions.assertEquals(0, ledger.fan(B, FanId.of("other"))[FunnelLedger.PURCHASES]);
  }

  @Test
  void aClickStoredAfterALaterOneStillCountsForThePurchaseItLedTo() {
    ledger.count(event("fan", "cream", EventType.CLICK, T.plus(Duration.ofDays(10)), A, 0));
    ledger.count(event("fan", "cream", EventType.CLICK, T, B, 0));
    ledger.count(event("fan", "cream", EventType.PURCHASE, T.plus(Duration.ofDays(1)), null, 1));
    ledger.count(event("fan", "cream", EventType.CART, T.plus(Duration.ofDays(11)), null, 0));
    Assertions.assertEquals(1, ledger.fan(B, FanId.of("fan"))[FunnelLedger.PURCHASES]);
    Assertions.assertEquals(1, ledger.fan(A, FanId.of("fan"))[FunnelLedger.CARTS]);
    Assertions.assertEquals(0, ledger.fan(A, FanId.of("fan"))[FunnelLedger.PURCHASES]);
  }

  @Test
  void anEventCarryingAnOwnerStaysTheirsAndOnlyPageViewsAreOpens() {
    ledger.count(event("fan", "cream", EventType.CLICK, T, A, 0));
    ledger.count(event("fan", "cream", EventType.PURCHASE, T.plusSeconds(60), B, 1));
    ledger.count(event("fan", "gone", EventType.PURCHASE, T.plusSeconds(60), B, 1));
    ledger.count(
        new Event(
            EventId.of("shelf-imp-r1-0"),
            FanId.of("fan"),
            CREAM.id(),
            EventType.IMPRESSION,
            T,
            Optional.of(A),
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.empty()));
    ledger.count(
        new Event(
            EventId.of("shelf-imp-r1-1"),
            FanId.of("fan"),
            CREAM.id(),
            EventType.IMPRESSION,
            T,
            Optional.of(A),
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.empty()));
    Assertions.assertEquals(1, ledger.fan(A, FanId.of("fan"))[FunnelLedger.OPENS]);
    Assertions.assertEquals(0, ledger.fan(A, FanId.of("fan"))[FunnelLedger.PURCHASES]);
    long[] b = ledger.fan(B, FanId.of("fan"));
    Assertions.assertEquals(2, b[FunnelLedger.PURCHASES]);
    Assertions.assertEquals(12_900, b[FunnelLedger.REVENUE_CENTS], "a gone product adds no money");
    Assertions.assertEquals(Optional.of(LocalDate.of(2025, 5, 1)), ledger.lastDay(A));
    ledger.clear();
    Assertions.assertEquals(Optional.empty(), ledger.lastDay(A));
  }

  @Test
  void aLedgerReadBackFromItsSnapshotCountsOnAsTheOneThatCountedEverything() throws Exception {
    List<Event> events = randomEvents(3_000, 7);
    FunnelLedger whole = newLedger(Duration.ofDays(7));
    events.forEach(whole::count);
    FunnelLedger before = newLedger(Duration.ofDays(7));
    events.subList(0, 1_700).forEach(before::count);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    before.writeTo(new DataOutputStream(bytes));
    FunnelLedger loaded = newLedger(Duration.ofDays(7));
    loaded.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    Assertions.assertEquals(dump(before), dump(loaded), "the round trip keeps every count");
    // The tail: purchases in it are attributed through clicks remembered in the snapshot.
    events.subList(1_700, events.size()).forEach(loaded::count);
    Assertions.assertEquals(dump(whole), dump(loaded));
    Assertions.assertNotEquals(dump(before), dump(loaded), "the tail counted something");
  }

  @Test
  void aSnapshotOfAnotherLayoutIsRefused() {
    byte[] other = {0, 0, 0, 5, 0, 0, 0, 0};
    IOException refused =
        Assertions.assertThrows(
            IOException.class,
            () -> ledger.readFrom(new DataInputStream(new ByteArrayInputStream(other))));
    Assertions.assertTrue(
        refused.getMessage().contains("5 counts per entry"), refused.getMessage());
  }

  /**
   * What a node publishes to the statistics feed ({@link FunnelLedger#mayCount}) is everything the
   * ledger counts: a node counting the feed equals one counting every stored event.
   */
  @Test
  void theEventsItMayCountAreEverythingItCounts() throws Exception {
    List<Event> events = new ArrayList<>();
    Random random = new Random(3);
    EventType[] others = {
      EventType.VIEW, EventType.IMPRESSION, EventType.FAVORITE, EventType.SHARE, EventType.CLICK
    };
    for (Event event : randomEvents(2_000, 11)) {
      events.add(event);
      // and events without an owner that change nothing, a page view's id included
      EventType type = others[random.nextInt(others.length)];
      events.add(
          new Event(
              EventId.of("shelf-imp-x" + ids++ + "-0"),
              event.fan(),
              event.product(),
              type,
              event.time().plusSeconds(1),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              OptionalDouble.empty()));
    }
    FunnelLedger all = newLedger(Duration.ofDays(7));
    events.forEach(all::count);
    FunnelLedger fed = newLedger(Duration.ofDays(7));
    events.stream().filter(FunnelLedger::mayCount).forEach(fed::count);
    Assertions.assertEquals(dump(all), dump(fed));
    Assertions.assertArrayEquals(bytes(all), bytes(fed), "the remembered clicks as well");
    FunnelLedger ownedOnly = newLedger(Duration.ofDays(7));
    events.stream().filter(e -> e.owner().isPresent()).forEach(ownedOnly::count);
    Assertions.assertNotEquals(
        dump(all), dump(ownedOnly), "carts and purchases without an owner count too");
    Assertions.assertTrue(
        FunnelLedger.mayCount(event("fan", "cream", EventType.CART, T, null, 0)), "a cart");
    Assertions.assertFalse(
        FunnelLedger.mayCount(event("fan", "cream", EventType.CLICK, T, null, 0)),
        "a click without an owner is no shelf's");
  }

  private static byte[] bytes(FunnelLedger ledger) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ledger.writeTo(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  /** Clicks on owners' shelves and carts and purchases with and without an owner, in time order. */
  private List<Event> randomEvents(int count, long seed) {
    Random random = new Random(seed);
    OwnerId[] owners = {A, B};
    EventType[] types = {
      EventType.IMPRESSION, EventType.CLICK, EventType.CLICK, EventType.CART, EventType.PURCHASE
    };
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      EventType type = types[random.nextInt(types.length)];
      OwnerId owner =
          type == EventType.CLICK || random.nextInt(4) == 0
              ? owners[random.nextInt(owners.length)]
              : null;
      String id = type == EventType.IMPRESSION ? "shelf-imp-r" + i + "-0" : "e" + ids++;
      events.add(
          new Event(
              EventId.of(id),
              FanId.of("fan" + random.nextInt(20)),
              random.nextInt(5) == 0 ? ProductId.of("gone") : CREAM.id(),
              type,
              T.plus(Duration.ofMinutes(37L * i + random.nextInt(30))),
              Optional.ofNullable(owner),
              Optional.empty(),
              Optional.empty(),
              type == EventType.PURCHASE
                  ? OptionalDouble.of(1 + random.nextInt(3))
                  : OptionalDouble.empty()));
    }
    return events;
  }

  private static FunnelLedger newLedger(Duration window) {
    return new FunnelLedger(
        id -> id.equals(CREAM.id()) ? Optional.of(CREAM) : Optional.empty(), window);
  }

  /** Every (owner, day, fan) count, sorted, for comparing two ledgers. */
  private static List<String> dump(FunnelLedger ledger) {
    List<String> rows = new ArrayList<>();
    for (OwnerId owner : List.of(A, B)) {
      ledger.forEach(
          owner,
          LocalDate.MIN,
          LocalDate.MAX,
          fan -> true,
          (day, fan, counts) ->
              rows.add(owner + " " + day + " " + fan + " " + Arrays.toString(counts)));
    }
    Collections.sort(rows);
    return rows;
  }

  private Event event(
      String fan, String product, EventType type, Instant time, OwnerId owner, double value) {
    return new Event(
        EventId.of("e" + ids++),
        FanId.of(fan),
        ProductId.of(product),
        type,
        time,
        Optional.ofNullable(owner),
        Optional.empty(),
        Optional.empty(),
        value == 0 ? OptionalDouble.empty() : OptionalDouble.of(value));
  }
}
