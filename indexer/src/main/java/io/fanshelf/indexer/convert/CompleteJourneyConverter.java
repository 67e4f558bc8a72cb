package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * Converts the raw CSVs of the Complete Journey study (products.csv, demographics.csv,
 * transactions_sample.csv, as exported from the completejourney R package) into FanShelf import
 * files: taxonomy.json, owners.csv, catalog.csv.gz, fans.csv, labels.csv and events.csv.gz. The
 * mapping is documented in docs/demo-data.md.
 *
 * <p>All raw input is read and checked before any output appears: outputs are written to a
 * temporary directory inside {@code outDir} and moved into place at the end, replacing files of the
 * same name. Bad input throws a {@link RawDataException} naming the file, line and column, and
 * leaves {@code outDir} as it was. The same input and options always give the same bytes.
 *
 * <p>Immutable and thread-safe; concurrent conversions must use different output directories.
 */
public final class CompleteJourneyConverter {
  static final String PRODUCTS_FILE = "products.csv";
  static final String DEMOGRAPHICS_FILE = "demographics.csv";
  static final String TRANSACTIONS_FILE = "transactions_sample.csv";

  /**
   * How to convert.
   *
   * @param ownerCount how many of the demo shops (shop-lily, shop-green, shop-jie) to create, 1-3
   * @param secondOwnerShare the share of fans who also follow a second shop, 0-1
   * @param productsCreatedAt created_at of every product, unless {@code createdAtFirstSeen}
   * @param createdAtFirstSeen give each product the time of its first kept purchase instead (this
   *     leaks the future into a time-based split: the catalog then reveals when items sell)
   * @param fansJoinedAt joined_at of every fan membership and labelled_at of every label row
   * @param stock stock of every product (the data has no stock)
   */
  public record Options(
      int ownerCount,
      double secondOwnerShare,
      Instant productsCreatedAt,
      boolean createdAtFirstSeen,
      Instant fansJoinedAt,
      int stock) {

    /** Midnight in New York before the first transaction of the 2017 data. */
    public static final Instant BEFORE_THE_DATA =
        OffsetDateTime.parse("2016-12-31T00:00:00-05:00").toInstant();

    public Options {
      if (ownerCount < 1 || ownerCount > FanOwners.ALL.size()) {
        throw new IllegalArgumentException(
            "ownerCount must be between 1 and " + FanOwners.ALL.size() + ", got " + ownerCount);
      }
      if (!(secondOwnerShare >= 0 && secondOwnerShare <= 1)) {
        throw new IllegalArgumentException(
            "secondOwnerShare must be between 0 and 1, got " + secondOwnerShare);
      }
      Objects.requireNonNull(productsCreatedAt, "productsCreatedAt");
      Objects.requireNonNull(fansJoinedAt, "fansJoinedAt");
      if (stock < 0) {
        throw new IllegalArgumentException("stock must be >= 0, got " + stock);
      }
    }

    /** Three shops, 10% of fans with a second shop, fixed times before the data, stock 100. */
    public static Options defaults() {
      return new Options(3, 0.10, BEFORE_THE_DATA, false, BEFORE_THE_DATA, 100);
    }

    public Options withOwnerCount(int count) {
      return new Options(
          count, secondOwnerShare, productsCreatedAt, createdAtFirstSeen, fansJoinedAt, stock);
    }

    public Options withSecondOwnerShare(double share) {
      return new Options(
          ownerCount, share, productsCreatedAt, createdAtFirstSeen, fansJoinedAt, stock);
    }

    public Options withCreatedAtFirstSeen(boolean firstSeen) {
      return new Options(
          ownerCount, secondOwnerShare, productsCreatedAt, firstSeen, fansJoinedAt, stock);
    }
  }

  /** Why a raw row did not become output. */
  public enum SkipReason {
    /** A transaction whose product_id is not in products.csv. */
    PRODUCT_NOT_IN_PRODUCTS_FILE,
    /** A transaction with quantity 0 or less: nothing was bought, and no unit price exists. */
    QUANTITY_NOT_POSITIVE,
    /** A demographics row of a household with no transaction row, hence not a fan. */
    DEMOGRAPHICS_WITHOUT_TRANSACTIONS
  }

  /**
   * What a conversion wrote.
   *
   * @param transactionRows data rows read from transactions_sample.csv
   * @param events purchase events written: transactionRows minus the skipped transaction rows
   * @param products products in the catalog (those with at least one event)
   * @param owners shops
   * @param fans distinct fans (every household with a transaction row)
   * @param fanMemberships rows of fans.csv, one per (owner, fan)
   * @param labelledFans fans with a demographics row
   * @param labelRows rows of labels.csv, one per (owner, labelled fan)
   * @param labels filled label cells, i.e. the (owner, fan, dimension) labels an import creates
   * @param skipped rows left out, per reason
   */
  public record Summary(
      long transactionRows,
      long events,
      long products,
      int owners,
      long fans,
      long fanMemberships,
      long labelledFans,
      long labelRows,
      long labels,
      Map<SkipReason, Long> skipped) {

    public Summary {
      EnumMap<SkipReason, Long> all = new EnumMap<>(SkipReason.class);
      for (SkipReason reason : SkipReason.values()) {
        all.put(reason, skipped.getOrDefault(reason, 0L));
      }
      skipped = Collections.unmodifiableMap(all);
    }

    /** Transaction rows that did not become events. */
    public long skippedTransactionRows() {
      return skipped.get(SkipReason.PRODUCT_NOT_IN_PRODUCTS_FILE)
          + skipped.get(SkipReason.QUANTITY_NOT_POSITIVE);
    }
  }

  private final Options options;

  public CompleteJourneyConverter(Options options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public Options options() {
    return options;
  }

  /** Converts without progress reports. */
  public Summary convert(Path rawDir, Path outDir) throws IOException {
    return convert(rawDir, outDir, rows -> {});
  }

  /**
   * Converts {@code rawDir} into {@code outDir} (created if needed).
   *
   * @param progress told the number of transaction rows read so far, every 10,000 rows and once at
   *     the end; called on the converting thread
   * @throws RawDataException when a raw file is malformed; the files in {@code outDir} are then
   *     left as they were
   */
  public Summary convert(Path rawDir, Path outDir, LongConsumer progress) throws IOException {
    Objects.requireNonNull(progress, "progress");
    Map<String, RawProduct> products = RawProduct.readAll(rawDir.resolve(PRODUCTS_FILE));
    Map<String, List<String>> demographics =
        Demographics.readAll(rawDir.resolve(DEMOGRAPHICS_FILE));
    try (StagingDir work = StagingDir.in(outDir)) {
      TransactionsPass transactions = new TransactionsPass(products, progress);
      try (CsvWriter events =
          CsvWriter.open(work.resolve(ImportFiles.EVENTS), ImportFiles.EVENT_HEADER)) {
        transactions.run(rawDir.resolve(TRANSACTIONS_FILE), events);
      }
      Set<String> departments = new TreeSet<>();
      long productCount = writeCatalog(work, products, transactions.sales(), departments);
      Taxonomy taxonomy = GroceryTaxonomy.taxonomy();
      ImportFiles.writeTaxonomy(work.resolve(ImportFiles.TAXONOMY), taxonomy);
      FanOwners owners =
          FanOwners.demo(options.ownerCount(), options.secondOwnerShare())
              .sellingWholeCatalogAs(departments);
      ImportFiles.writeOwners(work.resolve(ImportFiles.OWNERS), owners.owners());
      FanFiles fans =
          FanFiles.write(
              work.resolve(ImportFiles.FANS),
              work.resolve(ImportFiles.LABELS),
              taxonomy,
              owners,
              transactions.households(),
              demographics,
              options.fansJoinedAt(),
              NewYorkTime.ZONE);
      work.publish(ImportFiles.ALL);
      Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
      skipped.putAll(transactions.skipped());
      skipped.put(SkipReason.DEMOGRAPHICS_WITHOUT_TRANSACTIONS, fans.demographicsWithoutFans());
      return new Summary(
          transactions.rows(),
          transactions.events(),
          productCount,
          owners.owners().size(),
          transactions.households().size(),
          fans.memberships(),
          fans.labelledFans(),
          fans.labelRows(),
          fans.labels(),
          skipped);
    }
  }

  /** Writes the catalog; adds the department of every product written to {@code departments}. */
  private long writeCatalog(
      StagingDir work,
      Map<String, RawProduct> products,
      Map<String, ProductSales> sales,
      Set<String> departments)
      throws IOException {
    try (CsvWriter out =
        CsvWriter.open(work.resolve(ImportFiles.CATALOG), ImportFiles.CATALOG_HEADER)) {
      for (RawProduct raw : products.values()) {
        ProductSales sold = sales.get(raw.id());
        if (sold != null) {
          Instant created =
              options.createdAtFirstSeen() ? sold.firstSeen() : options.productsCreatedAt();
          Product product = raw.toProduct(sold.medianPriceCents(), options.stock(), created);
          out.row(ImportFiles.catalogRow(product, NewYorkTime.ZONE));
          departments.add(product.categoryPath().getFirst());
        }
      }
      return out.rows();
    }
  }
}
