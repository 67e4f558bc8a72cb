package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.indexer.taxonomy.TaxonomyJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * File names, headers and row layouts of the import files the converter writes, as
 * docs/data-formats.md defines them. Only the columns the converter fills are written; empty cells
 * are absent values. Stateless.
 */
final class ImportFiles {
  static final String TAXONOMY = "taxonomy.json";
  static final String OWNERS = "owners.csv";
  static final String CATALOG = "catalog.csv.gz";
  static final String FANS = "fans.csv";
  static final String LABELS = "labels.csv";
  static final String EVENTS = "events.csv.gz";
  static final List<String> ALL = List.of(TAXONOMY, OWNERS, CATALOG, FANS, LABELS, EVENTS);

  static final List<String> OWNER_HEADER = List.of("id", "name", "locale", "assortment");
  static final List<String> CATALOG_HEADER =
      List.of("id", "title", "category", "price", "stock", "attributes", "created_at");
  static final List<String> FAN_HEADER = List.of("owner_id", "fan_id", "joined_at");
  static final List<String> EVENT_HEADER = List.of("id", "fan", "product", "type", "time", "value");

  private static final DateTimeFormatter ISO_WITH_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ImportFiles() {}

  /** owner_id, fan_id, one column per dimension in taxonomy order, labelled_at. */
  static List<String> labelHeader(Taxonomy taxonomy) {
    List<String> header = new ArrayList<>();
    header.add("owner_id");
    header.add("fan_id");
    taxonomy.dimensions().forEach(d -> header.add(d.id()));
    header.add("labelled_at");
    return header;
  }

  static void writeTaxonomy(Path file, Taxonomy taxonomy) throws IOException {
    String json = JSON.writeValueAsString(TaxonomyJson.write(taxonomy));
    Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
  }

  static void writeOwners(Path file, List<Owner> owners) throws IOException {
    try (CsvWriter out = CsvWriter.open(file, OWNER_HEADER)) {
      for (Owner owner : owners) {
        out.row(ownerRow(owner));
      }
    }
  }

  static List<String> ownerRow(Owner owner) {
    String locale = owner.locale().getLanguage().equals("zh") ? "zh-CN" : "en";
    String assortment =
        owner
            .assortment()
            .map(prefixes -> String.join(";", prefixes.stream().sorted().toList()))
            .orElse("");
    return List.of(owner.id().value(), owner.name(), locale, assortment);
  }

  /** ISO-8601 to the second with the zone's offset, e.g. 2017-01-28T14:06:53-05:00 or ...Z. */
  static String time(Instant instant, ZoneId zone) {
    return ISO_WITH_OFFSET.format(instant.atZone(zone));
  }

  static List<String> catalogRow(Product product, ZoneId zone) {
    return List.of(
        product.id().value(),
        product.title(),
        product.categoryKey(),
        price(product.priceCents()),
        Integer.toString(product.stock()),
        attributes(product.attributes()),
        time(product.createdAt(), zone));
  }

  static List<String> eventRow(Event event, ZoneId zone) {
    String value = event.value().isPresent() ? number(event.value().getAsDouble()) : "";
    return List.of(
        event.id().value(),
        event.fan().value(),
        event.product().value(),
        event.type().wireName(),
        time(event.time(), zone),
        value);
  }

  /** Cents as a decimal with two places: 429 to "4.29", 0 to "0.00". */
  static String price(long cents) {
    return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
  }

  /** {@code name=value|value;name=value}, names in the product's (sorted) order. */
  static String attributes(Map<String, List<String>> attributes) {
    return attributes.entrySet().stream()
        .map(e -> e.getKey() + "=" + String.join("|", e.getValue()))
        .collect(Collectors.joining(";"));
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
