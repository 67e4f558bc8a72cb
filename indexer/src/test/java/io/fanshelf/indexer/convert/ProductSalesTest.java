package io.fanshelf.indexer.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProductSalesTest {
  private static final Instant T0 = Instant.parse("2017-01-01T12:00:00Z");

  private static BigDecimal unit(String sales, String retail, String match, long quantity) {
    return ProductSales.unitShelfPrice(
        new BigDecimal(sales), new BigDecimal(retail), new BigDecimal(match), quantity);
  }

  @Test
  void unitShelfPriceAddsBackLoyaltyAndCouponMatchDiscounts() {
    assertEquals(0, new BigDecimal("4.29").compareTo(unit("3.86", "0.43", "0", 1)));
    assertEquals(0, new BigDecimal("3.10").compareTo(unit("5", "1", "0.2", 2)));
    assertEquals(0, new BigDecimal("0.3333333333").compareTo(unit("1", "0", "0", 3)));
    assertThrows(IllegalArgumentException.class, () -> unit("0", "0", "0", 0));
  }

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    ProductSales sales = new ProductSales();
    sales.add(new BigDecimal("4.50"), T0);
    sales.add(new BigDecimal("4.29"), T0);
    sales.add(new BigDecimal("9.99"), T0);
    assertEquals(450, sales.medianPriceCents());
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwoRoundedHalfUp() {
    ProductSales sales = new ProductSales();
    sales.add(new BigDecimal("1.25"), T0);
    sales.add(new BigDecimal("1.00"), T0);
    assertEquals(113, sales.medianPriceCents());
    sales.add(new BigDecimal("0.0024"), T0);
    sales.add(new BigDecimal("0.0026"), T0);
    // middle two: 0.0026 and 1.00
    assertEquals(50, sales.medianPriceCents());
  }

  @Test
  void firstSeenIsTheEarliestTimeWhateverTheOrder() {
    ProductSales sales = new ProductSales();
    sales.add(BigDecimal.ONE, T0.plusSeconds(60));
    sales.add(BigDecimal.ONE, T0);
    sales.add(BigDecimal.ONE, T0.plusSeconds(30));
    assertEquals(T0, sales.firstSeen());
  }
}
