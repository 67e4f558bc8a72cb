package io.fanshelf.indexer.cli;

import io.fanshelf.indexer.convert.AmazonSource;
import io.fanshelf.indexer.convert.ColumnMapping;
import io.fanshelf.indexer.convert.GenericSource;
import io.fanshelf.indexer.convert.InteractionConverter;
import io.fanshelf.indexer.convert.MovieLensSource;
import io.fanshelf.indexer.convert.RawDataException;
import io.fanshelf.indexer.convert.TimeFormat;
import io.fanshelf.indexer.model.EventType;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code convert-movielens}, {@code convert-interactions} and {@code convert-amazon} commands:
 * public recommendation data to FanShelf import files (docs/datasets.md).
 */
final class ConvertPublicData {
  private ConvertPublicData() {}

  /** Options every public-format conversion shares, and the run itself. */
  static final class Common {
    @Option(names = "--out", required = true, description = "Folder to write the import files to.")
    Path out;

    @Option(
        names = "--owners",
        defaultValue = "1",
        description = "Shops to spread the fans over, shop-1 ... (default ${DEFAULT-VALUE}).")
    int owners;

    @Option(
        names = "--stock",
        defaultValue = "100",
        description = "Stock of every product (default ${DEFAULT-VALUE}).")
    int stock;

    @Option(
        names = "--positive-type",
        description =
            "Also write an event of this type (e.g. purchase) for every rating of at least"
                + " --positive-min.")
    EventType positiveType;

    @Option(
        names = "--positive-min",
        defaultValue = "4",
        description = "The least rating that is a positive (default ${DEFAULT-VALUE}).")
    double positiveMin;

    @Option(
        names = "--no-rating-events",
        description = "Write only the --positive-type events, no rating events.")
    boolean noRatingEvents;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** Converts, prints the summary, and returns the exit code. */
    int run(Callable<InteractionConverter.Source> source) throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      try {
        InteractionConverter.Options options =
            InteractionConverter.Options.defaults().withOwnerCount(owners).withStock(stock);
        if (positiveType != null) {
          options = options.withPositives(positiveType, positiveMin, !noRatingEvents);
        } else if (noRatingEvents) {
          throw new IllegalArgumentException("--no-rating-events needs --positive-type");
        }
        InteractionConverter.Summary summary =
            new InteractionConverter(options)
                .convert(
                    source.call(),
                    out,
                    rows -> System.err.printf(Locale.ROOT, "\rinteractions read: %,d", rows));
        System.err.println();
        print(spec.commandLine().getOut(), summary);
        return 0;
      } catch (RawDataException | IllegalArgumentException e) {
        System.err.println();
        err.println("error: " + e.getMessage());
        err.println("nothing was written to " + out);
        return IndexerCli.REJECTED;
      }
    }

    private void print(PrintWriter stdout, InteractionConverter.Summary s) {
      stdout.printf(
          Locale.ROOT,
          "wrote %s: %,d events from %,d interactions (%s to %s), %,d products (%,d with"
              + " metadata), %,d fans over %d owner(s), %,d labelled fans%s%n",
          out,
          s.events(),
          s.interactions(),
          s.first(),
          s.last(),
          s.products(),
          s.productsWithMetadata(),
          s.fans(),
          s.owners(),
          s.labelledFans(),
          s.dimensions().isEmpty()
              ? ""
              : " (dimensions " + String.join(", ", s.dimensions()) + ")");
      if (s.itemRowsWithoutInteractions() + s.userRowsWithoutInteractions() > 0) {
        stdout.printf(
            Locale.ROOT,
            "left out: %,d item rows and %,d user rows without interactions%n",
            s.itemRowsWithoutInteractions(),
            s.userRowsWithoutInteractions());
      }
      stdout.flush();
    }
  }

  static Path existing(Path file, String option) {
    if (file != null && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException(option + ": no file at " + file);
    }
    return file;
  }

  @Command(
      name = "convert-movielens",
      description =
          "Convert MovieLens files (u.data / ratings.dat / ratings.csv, optional u.item /"
              + " movies.dat / movies.csv and u.user / users.dat) into FanShelf import files:"
              + " rating events with their score, movies as products, user attributes as labels"
              + " (docs/datasets.md).")
  static final class MovieLens implements Callable<Integer> {
    @Option(
        names = "--ratings",
        required = true,
        description = "user item rating time: u.data (tab), ratings.dat (::) or ratings.csv.")
    Path ratings;

    @Option(names = "--items", description = "Movies: u.item, movies.dat or movies.csv.")
    Path items;

    @Option(names = "--users", description = "User attributes: u.user or users.dat.")
    Path users;

    @Option(
        names = "--encoding",
        description =
            "Character set of all files (default: ISO-8859-1 for the 100K/1M files, UTF-8 for"
                + " CSVs).")
    Charset encoding;

    @Mixin Common common;

    @Override
    public Integer call() throws Exception {
      return common.run(
          () ->
              new MovieLensSource(
                  existing(ratings, "--ratings"),
                  Optional.ofNullable(existing(items, "--items")),
                  Optional.ofNullable(existing(users, "--users")),
                  Optional.ofNullable(encoding)));
    }
  }

  @Command(
      name = "convert-interactions",
      description =
          "Convert an interactions CSV of any layout, through a column mapping, into FanShelf"
              + " import files; optional item and user CSVs with their own mappings"
              + " (docs/datasets.md).")
  static final class Interactions implements Callable<Integer> {
    @Option(names = "--interactions", required = true, description = "The interactions CSV.")
    Path interactions;

    @Option(
        names = "--columns",
        required = true,
        description =
            "user=COL,item=COL,time=COL[,type=COL][,value=COL], e.g."
                + " user=customer_id,item=article_id,time=t_dat.")
    String columns;

    @Option(
        names = "--time-format",
        defaultValue = "iso-date-time",
        description =
            "epoch-seconds, epoch-millis, iso-date or iso-date-time (default ${DEFAULT-VALUE}).")
    String timeFormat;

    @Option(
        names = "--zone",
        defaultValue = "UTC",
        description = "Zone of times without an offset (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(
        names = "--type",
        defaultValue = "purchase",
        description =
            "Event type of every row when there is no type column (default ${DEFAULT-VALUE}).")
    EventType type;

    @Option(
        names = "--type-map",
        description =
            "TYPE=RAW[|RAW...],...: raw type cells to FanShelf types, e.g."
                + " view=view,cart=addtocart,purchase=transaction.")
    String typeMap;

    @Option(names = "--items", description = "Item CSV.")
    Path items;

    @Option(
        names = "--item-columns",
        description =
            "id=COL[,title=COL][,category=COL>COL...][,brand=COL][,price=COL][,NAME=COL...]"
                + " (other names become product attributes).")
    String itemColumns;

    @Option(names = "--users", description = "User CSV.")
    Path users;

    @Option(
        names = "--user-columns",
        description =
            "id=COL,NAME=COL...: each NAME becomes a label dimension (age with whole numbers"
                + " becomes age bands).")
    String userColumns;

    @Option(
        names = "--displayable",
        split = ",",
        description = "User dimensions a fan may see in a reason; the others stay private.")
    Set<String> displayable = Set.of();

    @Option(
        names = "--delimiter",
        defaultValue = ",",
        description =
            "Cell separator of every CSV: one character, or 'tab' (default ${DEFAULT-VALUE}).")
    String delimiter;

    @Option(
        names = "--encoding",
        defaultValue = "UTF-8",
        description = "Character set of every CSV (default ${DEFAULT-VALUE}).")
    Charset encoding;

    @Mixin Common common;

    @Override
    public Integer call() throws Exception {
      return common.run(this::source);
    }

    private GenericSource source() {
      if ((items == null) != (itemColumns == null)) {
        throw new IllegalArgumentException("give --items and --item-columns together");
      }
      if ((users == null) != (userColumns == null)) {
        throw new IllegalArgumentException("give --users and --user-columns together");
      }
      return new GenericSource(
          new GenericSource.Table(
              existing(interactions, "--interactions"), ColumnMapping.parse("--columns", columns)),
          TimeFormat.parseName(timeFormat),
          zone,
          type,
          typeMap == null ? Map.of() : parseTypeMap(typeMap),
          Optional.ofNullable(items)
              .map(
                  f ->
                      new GenericSource.Table(
                          existing(f, "--items"),
                          ColumnMapping.parse("--item-columns", itemColumns))),
          Optional.ofNullable(users)
              .map(
                  f ->
                      new GenericSource.Table(
                          existing(f, "--users"),
                          ColumnMapping.parse("--user-columns", userColumns))),
          displayable,
          delimiter(),
          encoding);
    }

    private char delimiter() {
      if (delimiter.equals("tab") || delimiter.equals("\\t")) {
        return '\t';
      }
      if (delimiter.length() != 1 || delimiter.equals("\"")) {
        throw new IllegalArgumentException(
            "--delimiter: expected one character (not a quote) or 'tab', got '" + delimiter + "'");
      }
      return delimiter.charAt(0);
    }

    /** {@code purchase=transaction|order,cart=addtocart}: raw cell to type. */
    static Map<String, EventType> parseTypeMap(String spec) {
      Map<String, EventType> types = new HashMap<>();
      ColumnMapping.parse("--type-map", spec)
          .columns()
          .forEach(
              (type, raws) -> {
                EventType parsed;
                try {
                  parsed = EventType.parse(type);
                } catch (IllegalArgumentException e) {
                  throw new IllegalArgumentException("--type-map: " + e.getMessage(), e);
                }
                for (String raw : List.of(raws.split("\\|"))) {
                  if (types.put(raw.strip(), parsed) != null) {
                    throw new IllegalArgumentException(
                        "--type-map: '" + raw.strip() + "' is mapped twice");
                  }
                }
              });
      return types;
    }
  }

  @Command(
      name = "convert-amazon",
      description =
          "Convert Amazon review data (5-core JSON-lines reviews or the ratings-only CSV,"
              + " optional metadata JSON lines) into FanShelf import files (docs/datasets.md).")
  static final class Amazon implements Callable<Integer> {
    @CommandLine.ArgGroup(multiplicity = "1")
    Interactions interactions;

    static final class Interactions {
      @Option(
          names = "--reviews",
          required = true,
          description = "JSON-lines reviews (reviewerID, asin, overall, unixReviewTime).")
      Path reviews;

      @Option(
          names = "--ratings",
          required = true,
          description = "Ratings-only CSV: user,item,rating,timestamp without a header.")
      Path ratings;
    }

    @Option(
        names = "--metadata",
        description = "Metadata JSON lines (asin, title, categories/category, brand, price).")
    Path metadata;

    @Mixin Common common;

    @Override
    public Integer call() throws Exception {
      boolean csv = interactions.ratings != null;
      return common.run(
          () ->
              new AmazonSource(
                  existing(
                      csv ? interactions.ratings : interactions.reviews,
                      csv ? "--ratings" : "--reviews"),
                  csv,
                  Optional.ofNullable(existing(metadata, "--metadata"))));
    }
  }
}
