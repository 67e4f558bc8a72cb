package io.fanshelf.indexer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.indexer.taxonomy.TaxonomyJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the files under {@code fixtures/beauty-home/} and {@link BeautyHomeFixture} the same data
 * set. The readers here are deliberately naive (the files use no CSV quoting); the importers have
 * their own tests against the same files.
 */
class BeautyHomeFixtureFilesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void taxonomyJson() throws Exception {
    assertEquals(
        BeautyHomeFixture.taxonomy(), TaxonomyJson.read(JSON.readTree(text("taxonomy.json"))));
  }

  @Test
  void catalogJsonl() throws Exception {
    List<Product> products = new ArrayList<>();
    for (JsonNode line : jsonLines("catalog.jsonl")) {
      JsonNode category = line.get("category");
      List<String> path = new ArrayList<>();
      if (category.isArray()) {
        category.forEach(level -> path.add(level.asString()));
      } else {
        path.addAll(Arrays.asList(category.asString().split(">")));
      }
      Map<String, List<String>> attributes = new LinkedHashMap<>();
      line.path("attributes")
          .properties()
          .forEach(e -> attributes.put(e.getKey(), strings(e.getValue())));
      products.add(
          new Product(
              ProductId.of(line.get("id").asString()),
              line.get("title").asString(),
              path,
              optional(line, "brand"),
              new BigDecimal(line.get("price").asString()).movePointRight(2).longValueExact(),
              line.path("stock").asInt(0),
              attributes,
              Set.copyOf(strings(line.path("tags"))),
              BeautyHomeFixture.time(line.get("created_at").asString()),
              optional(line, "image"),
              line.path("commission").asDouble(0)));
    }
    assertEquals(BeautyHomeFixture.products(), products);
  }

  @Test
  void ownersCsv() throws Exception {
    List<Owner> owners = new ArrayList<>();
    for (Map<String, String> row : csv("owners.csv")) {
      String locale = row.getOrDefault("locale", "zh-CN");
      owners.add(
          new Owner(
              OwnerId.of(row.get("id")),
              row.get("name"),
              locale.equals("en") ? Locale.US : Locale.forLanguageTag(locale),
              Optional.ofNullable(row.get("assortment")).map(a -> Set.of(a.split(";")))));
    }
    assertEquals(BeautyHomeFixture.owners(), owners);
  }

  @Test
  void fansCsv() throws Exception {
    List<Fan> fans = new ArrayList<>();
    for (Map<String, String> row : csv("fans.csv")) {
      fans.add(
          new Fan(
              OwnerId.of(row.get("owner_id")),
              FanId.of(row.get("fan_id")),
              Optional.ofNullable(row.get("nickname")),
              BeautyHomeFixture.time(row.get("joined_at"))));
    }
    assertEquals(BeautyHomeFixture.fans(), fans);
  }

  @Test
  void labelsCsv() throws Exception {
    Taxonomy taxonomy = BeautyHomeFixture.taxonomy();
    List<Label> labels = new ArrayList<>();
    for (Map<String, String> row : csv("labels.csv")) {
      for (Dimension dimension : taxonomy.dimensions()) {
        String cell = row.get(dimension.id());
        if (cell == null) {
          continue;
        }
        List<String> values = new ArrayList<>();
        for (String name : cell.split(";")) {
          values.add(dimension.resolve(name).orElseThrow(() -> new AssertionError(name)).id());
        }
        labels.add(
            new Label(
                OwnerId.of(row.get("owner_id")),
                FanId.of(row.get("fan_id")),
                dimension.id(),
                values,
                LabelSource.valueOf(row.getOrDefault("source", "import").toUpperCase(Locale.ROOT)),
                Double.parseDouble(row.getOrDefault("confidence", "1.0")),
                BeautyHomeFixture.time(row.get("labelled_at")),
                BeautyHomeFixture.LABELS_ACTOR));
      }
    }
    assertEquals(BeautyHomeFixture.labels(), labels);
  }

  @Test
  void eventsJsonl() throws Exception {
    List<Event> events = new ArrayList<>();
    for (JsonNode line : jsonLines("events.jsonl")) {
      events.add(
          new Event(
              EventId.of(line.get("id").asString()),
              FanId.of(line.get("fan").asString()),
              ProductId.of(line.get("product").asString()),
              EventType.parse(line.get("type").asString()),
              BeautyHomeFixture.time(line.get("time").asString()),
              optional(line, "owner").map(OwnerId::of),
              optional(line, "page"),
              optional(line, "source"),
              line.has("value")
                  ? OptionalDouble.of(line.get("value").asDouble())
                  : OptionalDouble.empty()));
    }
    assertEquals(BeautyHomeFixture.events(), events);
  }

  private static String text(String file) throws IOException, URISyntaxException {
    Path path =
        Path.of(
            BeautyHomeFixtureFilesTest.class.getResource("/fixtures/beauty-home/" + file).toURI());
    return Files.readString(path, StandardCharsets.UTF_8);
  }

  private static List<JsonNode> jsonLines(String file) throws IOException, URISyntaxException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text(file).split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  /** Rows as column to cell, empty cells left out. */
  private static List<Map<String, String>> csv(String file) throws IOException, URISyntaxException {
    List<String> lines = text(file).lines().toList();
    String[] header = lines.getFirst().split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertEquals(header.length, cells.length, file + ": " + line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        if (!cells[i].isEmpty()) {
          row.put(header[i], cells[i]);
        }
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(v -> values.add(v.asString()));
    } else if (!node.isMissingNode()) {
      values.add(node.asString());
    }
    return values;
  }

  private static Optional<String> optional(JsonNode line, String field) {
    return line.has(field) ? Optional.of(line.get(field).asString()) : Optional.empty();
  }
}
