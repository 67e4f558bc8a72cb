package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.taxonomy.LocalizedName;
import io.fanshelf.indexer.taxonomy.Visibility;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * An interactions CSV of any layout, read through column mappings (docs/datasets.md): which column
 * holds the user, the item, the time (in a {@link TimeFormat}), and optionally the event type and a
 * value; optional item and user CSVs with their own mappings. Every file has a header row.
 * Immutable.
 *
 * @param interactions the interactions file
 * @param columns keys {@code user}, {@code item}, {@code time}, optional {@code type}, {@code
 *     value}
 * @param types the raw type cell to FanShelf's type (cells that are FanShelf wire names need no
 *     entry); {@code constantType} when there is no type column
 * @param items the item file with keys {@code id}, optional {@code title}, {@code category}
 *     (columns joined by {@code >}, one level each), {@code brand}, {@code price}; any other key is
 *     an attribute of that name
 * @param users the user file with key {@code id}; any other key is a label dimension of that name
 *     ({@code age} with whole numbers becomes age bands)
 * @param displayable the user dimensions a fan may see in a reason; the others are private
 */
public record GenericSource(
    Table interactions,
    TimeFormat timeFormat,
    ZoneId zone,
    EventType constantType,
    Map<String, EventType> types,
    Optional<Table> items,
    Optional<Table> users,
    Set<String> displayable,
    char delimiter,
    Charset charset)
    implements InteractionConverter.Source {

  static final String DOMAIN = "general";
  static final Set<String> INTERACTION_KEYS = Set.of("user", "item", "time", "type", "value");
  static final Set<String> ITEM_FIELDS = Set.of("id", "title", "category", "brand", "price");

  /** A raw file and its column mapping. */
  public record Table(Path file, ColumnMapping columns) {}

  public GenericSource {
    interactions.columns().require(List.of("user", "item", "time"), INTERACTION_KEYS);
    items.ifPresent(t -> t.columns().require(List.of("id"), null));
    users.ifPresent(t -> t.columns().require(List.of("id"), null));
    types = Map.copyOf(types);
    displayable = Set.copyOf(displayable);
    Set<String> dimensions = new TreeSet<>();
    users.ifPresent(t -> dimensions.addAll(t.columns().columns().keySet()));
    dimensions.remove("id");
    for (String name : dimensions) {
      if (!AttributeDimension.code(name).equals(name)) {
        throw new IllegalArgumentException(
            "--user-columns: '"
                + name
                + "' becomes a label dimension and must be a lower-case code (a-z, 0-9, _ + -)");
      }
    }
    for (String name : displayable) {
      if (!dimensions.contains(name)) {
        throw new IllegalArgumentException(
            "--displayable names '" + name + "', which is no user column; they are " + dimensions);
      }
    }
  }

  @Override
  public String interactionsFile() {
    return interactions.file().getFileName().toString();
  }

  @Override
  public void readInteractions(InteractionConverter.Sink sink) throws IOException {
    ColumnMapping map = interactions.columns();
    try (RawCsvReader rows =
        RawCsvReader.open(interactions.file(), map.columns().values(), delimiter, charset)) {
      while (rows.next()) {
        EventType type =
            map.optional("type").isPresent() ? type(rows, map.column("type")) : constantType;
        OptionalDouble value = OptionalDouble.empty();
        if (map.optional("value").isPresent() && !rows.text(map.column("value")).isBlank()) {
          value = OptionalDouble.of(rows.number(map.column("value")));
        }
        if (type == EventType.RATING && value.isEmpty()) {
          throw rows.error(
              map.optional("value").orElse(null),
              "a rating needs its score in the value column; map one with value=<column>");
        }
        sink.accept(
            new Interaction(
                rows.required(map.column("user")),
                rows.required(map.column("item")),
                rows.time(map.column("time"), timeFormat, zone),
                type,
                value,
                interactionsFile(),
                rows.line()));
      }
    }
  }

  private EventType type(RawRecords rows, String column) throws RawDataException {
    String cell = rows.required(column);
    EventType mapped = types.get(cell);
    if (mapped != null) {
      return mapped;
    }
    try {
      return EventType.parse(cell);
    } catch (IllegalArgumentException e) {
      throw rows.error(
          column, e.getMessage() + "; map other values with --type-map, e.g. purchase=" + cell);
    }
  }

  @Override
  public void readItems(ItemMetadata into) throws IOException {
    if (items.isEmpty()) {
      return;
    }
    ColumnMapping map = items.get().columns();
    List<String> categoryColumns =
        map.optional("category").map(c -> List.of(c.split(">"))).orElse(List.of());
    List<String> needed = new ArrayList<>();
    map.columns()
        .forEach(
            (key, column) ->
                needed.addAll(key.equals("category") ? categoryColumns : List.of(column)));
    try (RawCsvReader rows =
        RawCsvReader.open(
            items.get().file(), needed.stream().map(String::strip).toList(), delimiter, charset)) {
      while (rows.next()) {
        String id = rows.required(map.column("id"));
        List<String> levels = new ArrayList<>();
        for (String column : categoryColumns) {
          levels.add(rows.text(column.strip()));
        }
        long price = 0;
        if (map.optional("price").isPresent() && !rows.text(map.column("price")).isBlank()) {
          String cell = rows.text(map.column("price"));
          price =
              ItemInfo.priceCents(cell)
                  .orElseThrow(
                      () ->
                          rows.error(
                              map.column("price"),
                              "expected a price such as 12.99, got '" + cell + "'"));
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        map.columns()
            .forEach(
                (key, column) -> {
                  if (!ITEM_FIELDS.contains(key)) {
                    attributes.put(key, List.of(rows.text(column)));
                  }
                });
        ItemInfo info =
            ItemInfo.of(
                id,
                map.optional("title").map(rows::text).orElse(""),
                levels,
                map.optional("brand").map(rows::text).orElse(""),
                price,
                attributes);
        if (!into.add(id, info)) {
          throw rows.error(map.column("id"), "item " + id + " is listed twice");
        }
      }
    }
  }

  @Override
  public FanAttributes readUsers(Function<String, Optional<String>> fanId) throws IOException {
    if (users.isEmpty()) {
      return FanAttributes.none();
    }
    ColumnMapping map = users.get().columns();
    List<FanAttributes.Column> columns = new ArrayList<>();
    map.columns()
        .forEach(
            (key, column) -> {
              if (!key.equals("id")) {
                columns.add(new FanAttributes.Column(column, dimension(key)));
              }
            });
    FanAttributes attributes = new FanAttributes(columns);
    try (RawCsvReader rows =
        RawCsvReader.open(users.get().file(), map.columns().values(), delimiter, charset)) {
      while (rows.next()) {
        attributes.add(rows, map.column("id"), fanId);
      }
    }
    return attributes;
  }

  private AttributeDimension dimension(String name) {
    Visibility visibility =
        displayable.contains(name) ? Visibility.DISPLAYABLE : Visibility.PRIVATE;
    if (name.equals("age")) {
      return AttributeDimension.ageBands(name, DOMAIN, visibility);
    }
    return AttributeDimension.open(
        name, DOMAIN, new LocalizedName(name, name), visibility, Map.of());
  }
}
