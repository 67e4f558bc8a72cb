package io.fanshelf.api.funnel;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
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
