package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.Ids;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Converts user-item interactions from a public data format (MovieLens, a mapped CSV, Amazon
 * reviews: each a {@link Source}) into FanShelf import files: events.csv.gz, catalog.csv.gz,
 * owners.csv, fans.csv, and taxonomy.json with labels.csv when the source has user attributes.
 *
 * <p>Every interaction becomes an event with the id {@code <file>:<line>}; every user a fan of one
 * of the numbered shops ({@link FanOwners#numbered}); every item with an interaction a product
 * (from its metadata row, or "Item <id>", uncategorised, price 0). Raw ids become FanShelf ids by
 * {@link Ids#sanitize}. Products, fan memberships and labels are dated at the first interaction, so
 * that any time split of the events sees them. Times are written in UTC, to the second.
 *
 * <p>As {@link CompleteJourneyConverter} does, everything is read and checked before any output
 * appears: a bad row throws a {@link RawDataException} naming the file, line and column, and leaves
 * the output directory as it was. Immutable and thread-safe; concurrent conversions must use
 * different output directories.
 */
public final class InteractionConverter {
  static final ZoneId ZONE = ZoneOffset.UTC;
  static final int PROGRESS_EVERY = 100_000;

  /**
   * How to convert.
   *
   * @param ownerCount how many shops the fans are spread over (shop-1 ...), 1-1000
   * @param stock stock of every product (public data has none; 0 would hide every product)
   * @param ratingEvents write a {@code rating} event (with its score) for each rating
   * @param positiveType also write an event of this type for each rating of at least {@code
   *     positiveMinimum}, for data whose consumers expect implicit feedback
   * @param positiveMinimum the least rating that counts as positive
   */
  public record Options(
      int ownerCount,
      int stock,
      boolean ratingEvents,
      Optional<EventType> positiveType,
      double positiveMinimum) {
    public Options {
      if (ownerCount < 1 || ownerCount > FanOwners.MAX_NUMBERED) {
        throw new IllegalArgumentException(
            "owner count must be between 1 and " + FanOwners.MAX_NUMBERED + ", got " + ownerCount);
      }
      if (stock < 0) {
        throw new IllegalArgumentException("stock must be >= 0, got " + stock);
      }
      Objects.requireNonNull(positiveType, "positiveType");
      if (positiveType.filter(t -> t == EventType.RATING).isPresent()) {
        throw new IllegalArgumentException(
            "the positive event type must be another type than rating, e.g. purchase");
      }
      if (!ratingEvents && positiveType.isEmpty()) {
        throw new IllegalArgumentException(
            "without rating events, give a positive event type, or ratings would be dropped");
      }
      if (!Double.isFinite(positiveMinimum)) {
        throw new IllegalArgumentException(
            "the positive minimum must be a number, got " + positiveMinimum);
      }
    }

    /** One shop, stock 100, rating events only (a positive is then {@code rating>=4}). */
    public static Options defaults() {
      return new Options(1, 100, true, Optional.empty(), 4);
    }

    public Options withOwnerCount(int count) {
      return new Options(count, stock, ratingEvents, positiveType, positiveMinimum);
    }

    public Options withStock(int units) {
      return new Options(ownerCount, units, ratingEvents, positiveType, positiveMinimum);
    }

    /** Also (or, with {@code keepRatings} false, only) {@code type} for ratings >= minimum. */
    public Options withPositives(EventType type, double minimum, boolean keepRatings) {
      return new Options(ownerCount, stock, keepRatings, Optional.of(type), minimum);
    }
  }

  /**
   * What a conversion wrote.
   *
   * @param interactions rows read from the interactions file
   * @param events events written
   * @param products products in the catalog (the items with interactions)
   * @param productsWithMetadata of those, the products with a metadata row
   * @param fans fans (the users with interactions), each with one owner
   * @param owners shops
   * @param labelledFans fans with at least one label
   * @param dimensions the generated taxonomy's dimension ids, empty without user attributes
   * @param itemRowsWithoutInteractions metadata rows of items no interaction names, left out
   * @param userRowsWithoutInteractions user rows of users no interaction names, left out
   * @param first the earliest interaction
   * @param last the latest interaction
   */
  public record Summary(
      long interactions,
      long events,
      long products,
      long productsWithMetadata,
      long fans,
      int owners,
      long labelledFans,
      List<String> dimensions,
      long itemRowsWithoutInteractions,
      long userRowsWithoutInteractions,
      Instant first,
      Instant last) {
    public Summary {
      dimensions = List.copyOf(dimensions);
    }
  }

  /**
   * A public data format: its interactions, and optionally item metadata and user attributes. Its
   * methods are for the converter; callers only construct one.
   */
  public sealed interface Source permits MovieLensSource, GenericSource, AmazonSource {
    /** The interactions file's name, for messages. */
    String interactionsFile();

    /** Reads every interaction in file order, handing each to {@code sink}. */
    void readInteractions(Sink sink) throws IOException;

    /** Reads item metadata into {@code into}; nothing when the source has none. */
    default void readItems(ItemMetadata into) throws IOException {}

    /**
     * Reads user attributes.
     *
     * @param fanId the fan id of a raw user id with interactions, empty for any other
     */
    default FanAttributes readUsers(Function<String, Optional<String>> fanId) throws IOException {
      return FanAttributes.none();
    }
  }

  /** Takes interactions as a source reads them. */
  interface Sink {
    void accept(Interaction interaction) throws IOException;
  }

  private final Options options;

  public InteractionConverter(Options options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Converts {@code source} into {@code outDir} (created if needed).
   *
   * @param progress told the number of interactions read so far, every 100,000 and at the end
   * @throws RawDataException when a raw file is malformed; {@code outDir} is then left as it was
   */
  public Summary convert(Source source, Path outDir, LongConsumer progress) throws IOException {
    try (StagingDir work = StagingDir.in(outDir)) {
      RawIds users = new RawIds("user");
      RawIds items = new RawIds("item");
      InteractionsPass events;
      try (CsvWriter out =
          CsvWriter.open(work.resolve(ImportFiles.EVENTS), ImportFiles.EVENT_HEADER)) {
        events = new InteractionsPass(options, users, items, out, progress);
        source.readInteractions(events);
      }
      progress.accept(events.interactions());
      if (events.interactions() == 0) {
        throw new RawDataException(
            source.interactionsFile(), 1, Optional.empty(), "the file holds no interactions");
      }
      ItemMetadata metadata = new ItemMetadata(items::find);
      source.readItems(metadata);
      FanAttributes attributes = source.readUsers(users::find);
      writeCatalog(work.resolve(ImportFiles.CATALOG), items, metadata, events.first());
      FanOwners owners = FanOwners.numbered(options.ownerCount());
      ImportFiles.writeOwners(work.resolve(ImportFiles.OWNERS), owners.owners());
      Taxonomy taxonomy = attributes.taxonomy();
      Map<String, List<String>> labels = attributes.valueIdsByFan();
      FanFiles.write(
          work.resolve(ImportFiles.FANS),
          work.resolve(ImportFiles.LABELS),
          taxonomy,
          owners,
          users.ids(),
          labels,
          events.first(),
          ZONE);
      if (labels.isEmpty()) {
        // No labels: no taxonomy and no labels file, not even those of an earlier conversion.
        work.publish(
            List.of(ImportFiles.OWNERS, ImportFiles.CATALOG, ImportFiles.FANS, ImportFiles.EVENTS),
            List.of(ImportFiles.TAXONOMY, ImportFiles.LABELS));
      } else {
        ImportFiles.writeTaxonomy(work.resolve(ImportFiles.TAXONOMY), taxonomy);
        work.publish(ImportFiles.ALL);
      }
      return new Summary(
          events.interactions(),
          events.written(),
          items.size(),
          metadata.size(),
          users.size(),
          owners.owners().size(),
          labels.size(),
          labels.isEmpty() ? List.of() : taxonomy.dimensions().stream().map(Dimension::id).toList(),
          metadata.rowsWithoutInteractions(),
          attributes.rowsWithoutInteractions(),
          events.first(),
          events.last());
    }
  }

  private void writeCatalog(Path file, RawIds items, ItemMetadata metadata, Instant createdAt)
      throws IOException {
    try (CsvWriter out = CsvWriter.open(file, ImportFiles.CATALOG_HEADER)) {
      for (String id : items.ids().stream().sorted(FanFiles.NUMERIC_ID).toList()) {
        ItemInfo info = metadata.get(id).orElseGet(() -> ItemInfo.unknown(items.raw(id)));
        out.row(
            ImportFiles.catalogRow(
                info.toProduct(ProductId.of(id), options.stock(), createdAt), ZONE));
      }
    }
  }
}
