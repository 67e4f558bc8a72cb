package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.convert.CompleteJourneyConverter.SkipReason;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SequencedSet;
import java.util.function.LongConsumer;

/**
 * One pass over transactions_sample.csv: writes a purchase event per kept row and collects what the
 * catalog and fan files need (unit prices, first-seen times, households). Not thread-safe; use
 * once.
 */
final class TransactionsPass {
  static final List<String> COLUMNS =
      List.of(
          "household_id",
          "basket_id",
          "product_id",
          "quantity",
          "sales_value",
          "retail_disc",
          "coupon_match_disc",
          "transaction_timestamp");
  static final int PROGRESS_EVERY = 10_000;

  private final Map<String, RawProduct> products;
  private final LongConsumer progress;
  private final Map<String, ProductSales> sales = new HashMap<>();
  private final SequencedSet<String> households = new LinkedHashSet<>();
  private final Map<String, Integer> linesPerBasketProduct = new HashMap<>();
  private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
  private long rows;
  private long events;

  TransactionsPass(Map<String, RawProduct> products, LongConsumer progress) {
    this.products = products;
    this.progress = progress;
  }

  void run(Path file, CsvWriter out) throws IOException {
    try (RawCsvReader csv = RawCsvReader.open(file, COLUMNS)) {
      while (csv.next()) {
        rows++;
        row(csv, out);
        if (rows % PROGRESS_EVERY == 0) {
          progress.accept(rows);
        }
      }
    }
    progress.accept(rows);
  }

  private void row(RawCsvReader csv, CsvWriter out) throws IOException {
    // Parse every column first, so that a malformed row is an error even when it would be skipped.
    String household = csv.numericId("household_id");
    String basket = csv.numericId("basket_id");
    String product = csv.numericId("product_id");
    long quantity = csv.wholeNumber("quantity");
    BigDecimal salesValue = csv.decimal("sales_value");
    BigDecimal retailDiscount = csv.decimal("retail_disc");
    BigDecimal couponMatch = csv.decimal("coupon_match_disc");
    Instant time = NewYorkTime.toInstant(csv.localDateTime("transaction_timestamp"));
    households.add(household);
    if (!products.containsKey(product)) {
      skip(SkipReason.PRODUCT_NOT_IN_PRODUCTS_FILE);
      return;
    }
    if (quantity <= 0) {
      skip(SkipReason.QUANTITY_NOT_POSITIVE);
      return;
    }
    sales
        .computeIfAbsent(product, p -> new ProductSales())
        .add(ProductSales.unitShelfPrice(salesValue, retailDiscount, couponMatch, quantity), time);
    int line = linesPerBasketProduct.merge(basket + ":" + product, 1, Integer::sum);
    String id = "cj-" + basket + "-" + product + (line > 1 ? "-" + line : "");
    Event event =
        new Event(
            EventId.of(id),
            FanId.of(household),
            ProductId.of(product),
            EventType.PURCHASE,
            time,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.of(quantity));
    out.row(ImportFiles.eventRow(event, NewYorkTime.ZONE));
    events++;
  }

  private void skip(SkipReason reason) {
    skipped.merge(reason, 1L, Long::sum);
  }

  /** Product id to its sales, for products with at least one kept row. */
  Map<String, ProductSales> sales() {
    return sales;
  }

  /** Every household with a row, kept or not, in order of first appearance. */
  SequencedSet<String> households() {
    return households;
  }

  Map<SkipReason, Long> skipped() {
    return skipped;
  }

  long rows() {
    return rows;
  }

  long events() {
    return events;
  }
}
