package io.fanshelf.indexer.cli;

import io.fanshelf.indexer.convert.ColumnMapping;
import io.fanshelf.indexer.convert.GenericSource;
import io.fanshelf.indexer.convert.TimeFormat;
import io.fanshelf.indexer.model.EventType;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code convert-interactions}: an interactions CSV of any layout, through column mappings, to
 * FanShelf import files (docs/datasets.md).
 */
@Command(
    name = "convert-interactions",
    description =
        "Convert an interactions CSV of any layout, through a column mapping, into FanShelf"
            + " import files; optional item and user CSVs with their own mappings"
            + " (docs/datasets.md).")
final class ConvertInteractions implements Callable<Integer> {
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

  @Mixin ConversionOptions common;

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
            ConversionOptions.existing(interactions, "--interactions"),
            ColumnMapping.parse("--columns", columns)),
        TimeFormat.parseName(timeFormat),
        zone,
        type,
        typeMap == null ? Map.of() : parseTypeMap(typeMap),
        Optional.ofNullable(items)
            .map(
                f ->
                    new GenericSource.Table(
                        ConversionOptions.existing(f, "--items"),
                        ColumnMapping.parse("--item-columns", itemColumns))),
        Optional.ofNullable(users)
            .map(
                f ->
                    new GenericSource.Table(
                        ConversionOptions.existing(f, "--users"),
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
