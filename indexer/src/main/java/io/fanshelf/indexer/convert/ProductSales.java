package io.fanshelf.indexer.convert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kept transaction rows say about one product: the unit shelf price of each row and when
 * it was first bought. Not thread-safe.
 */
final class ProductSales {
  // Enough digits that a later rounding to cents never depends on the division's rounding.
  private static final int UNIT_PRICE_SCALE = 10;

  private final List<BigDecimal> unitPrices = new ArrayList<>();
  private Instant firstSeen;

  /**
   * The shelf price of one unit before the loyalty-card discount and the retailer's coupon match:
   * {@code (sales_value + retail_disc + coupon_match_disc) / quantity}. Complete Journey stores the
   * discounts as positive amounts taken off; the manufacturer's coupon ({@code coupon_disc}) is
   * paid by the manufacturer, is already inside sales_value, and is not added back.
   */
  static BigDecimal unitShelfPrice(
      BigDecimal salesValue, BigDecimal retailDiscount, BigDecimal couponMatch, long quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be > 0, got " + quantity);
    }
    return salesValue
        .add(retailDiscount)
        .add(couponMatch)
        .divide(BigDecimal.valueOf(quantity), UNIT_PRICE_SCALE, RoundingMode.HALF_EVEN);
  }

  void add(BigDecimal unitPrice, Instant time) {
    unitPrices.add(unitPrice);
    if (firstSeen == null || time.isBefore(firstSeen)) {
      firstSeen = time;
    }
  }

  /**
   * The median unit price in cents: the middle value, or the mean of the two middle values for an
   * even count, rounded half up to whole cents; never below 0.
   */
  long medianPriceCents() {
    if (unitPrices.isEmpty()) {
      throw new IllegalStateException("no sales recorded");
    }
    List<BigDecimal> sorted = unitPrices.stream().sorted().toList();
    int middle = sorted.size() / 2;
    BigDecimal median =
        sorted.size() % 2 == 1
            ? sorted.get(middle)
            : sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.TWO);
    long cents = median.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    return Math.max(0, cents);
  }

  Instant firstSeen() {
    return firstSeen;
  }
}
