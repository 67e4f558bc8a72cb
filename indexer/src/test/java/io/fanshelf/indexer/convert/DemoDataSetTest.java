package io.fanshelf.indexer.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.indexer.taxonomy.TaxonomyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the committed demo data set (demo/ at the repository root) against itself and against the
 * code: the counts documented in demo/README.md, every reference resolvable, every label value in
 * the taxonomy, and the taxonomy equal to the one the converter writes today.
 */
class DemoDataSetTest {
  // Surefire runs in the module directory.
  private static final Path DEMO = Path.of("..", "demo");

  @TempDir Path plain;

  @Test
  void taxonomyIsTheOneTheConverterWrites() throws Exception {
    String json = Files.readString(DEMO.resolve("taxonomy.json"));
    assertEquals(
        GroceryTaxonomy.taxonomy(), TaxonomyJson.read(JsonMapper.builder().build().readTree(json)));
  }

  @Test
  void countsAreTheDocumentedOnesAndEveryReferenceResolves() throws IOException {
    Set<String> owners = column("owners.csv", "id");
    assertEquals(Set.of("shop-lily", "shop-green", "shop-jie"), owners);

    Set<String> products = new HashSet<>();
    assertEquals(20_832, read("catalog.csv.gz", "id", row -> products.add(row.get(0))));

    Set<String> memberships = new HashSet<>();
    Set<String> fans = new HashSet<>();
    long fanRows =
        read(
            "fans.csv",
            "owner_id,fan_id",
            row -> {
              assertTrue(owners.contains(row.get(0)), row.toString());
              memberships.add(row.get(0) + "/" + row.get(1));
              fans.add(row.get(1));
            });
    assertEquals(2_595, fanRows);
    assertEquals(2_377, fans.size());

    Set<String> eventIds = new HashSet<>();
    long events =
        read(
            "events.csv.gz",
            "id,fan,product",
            row -> {
              assertTrue(eventIds.add(row.get(0)), "repeated event id " + row.get(0));
              assertTrue(fans.contains(row.get(1)), row.toString());
              assertTrue(products.contains(row.get(2)), row.toString());
            });
    assertEquals(75_000 - 222 - 195, events);

    Taxonomy taxonomy = GroceryTaxonomy.taxonomy();
    List<String> dimensions = taxonomy.dimensions().stream().map(Dimension::id).toList();
    Set<String> labelled = new HashSet<>();
    long labelRows =
        read(
            "labels.csv",
            "owner_id,fan_id," + String.join(",", dimensions),
            row -> {
              assertTrue(memberships.contains(row.get(0) + "/" + row.get(1)), row.toString());
              labelled.add(row.get(1));
              for (int i = 0; i < dimensions.size(); i++) {
                String value = row.get(i + 2);
                Dimension dimension = taxonomy.dimension(dimensions.get(i)).orElseThrow();
                assertTrue(value.isEmpty() || dimension.value(value).isPresent(), row.toString());
              }
            });
    assertEquals(883, labelRows);
    assertEquals(801, labelled.size());
  }

  private interface RowCheck {
    void accept(List<String> cells);
  }

  /** Reads a demo file with the strict reader and hands each row's chosen cells to a check. */
  private long read(String name, String columns, RowCheck check) throws IOException {
    Path file = DEMO.resolve(name);
    if (name.endsWith(".gz")) {
      file = plain.resolve(name.replace(".gz", ""));
      Files.writeString(file, MiniSlice.read(DEMO.resolve(name)));
    }
    List<String> wanted = List.of(columns.split(","));
    try (RawCsvReader csv = RawCsvReader.open(file, wanted)) {
      while (csv.next()) {
        check.accept(wanted.stream().map(csv::text).toList());
      }
      return csv.records();
    }
  }

  private Set<String> column(String name, String column) throws IOException {
    Set<String> values = new HashSet<>();
    read(name, column, row -> values.add(row.get(0)));
    return values;
  }
}
