package io.fanshelf.indexer.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.convert.CompleteJourneyConverter.Options;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.MatchRule;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.indexer.taxonomy.TaxonomyJson;
import io.fanshelf.indexer.taxonomy.Visibility;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class GroceryTaxonomyTest {
  private static final Taxonomy TAXONOMY = GroceryTaxonomy.taxonomy();

  @Test
  void writtenFileReadsBackAsTheSameTaxonomy(@TempDir Path out) throws Exception {
    new CompleteJourneyConverter(Options.defaults()).convert(MiniSlice.dir(), out);
    String json = MiniSlice.read(out.resolve("taxonomy.json"));
    assertEquals(TAXONOMY, TaxonomyJson.read(JsonMapper.builder().build().readTree(json)));
  }

  @Test
  void fansSeeAgeHouseholdAndKidsButNeverIncomeHomeOrMaritalStatus() {
    Map<String, Visibility> visibility =
        TAXONOMY.dimensions().stream()
            .collect(Collectors.toMap(Dimension::id, Dimension::visibility));
    assertEquals(
        Map.of(
            "age", Visibility.DISPLAYABLE,
            "household", Visibility.DISPLAYABLE,
            "kids", Visibility.DISPLAYABLE,
            "income", Visibility.PRIVATE,
            "home_ownership", Visibility.PRIVATE,
            "marital_status", Visibility.PRIVATE),
        visibility);
    assertTrue(TAXONOMY.dimensions().stream().allMatch(d -> d.domain().equals("grocery")));
  }

  @Test
  void everyRawCodeHasAValueWithDistinctNames() {
    assertEquals(
        List.of(6, 4, 4, 12, 4, 2),
        GroceryTaxonomy.COLUMNS.stream().map(c -> c.valueIdByRaw().size()).toList());
    for (Dimension dimension : TAXONOMY.dimensions()) {
      Set<String> zh =
          dimension.values().stream().map(v -> v.names().zh()).collect(Collectors.toSet());
      Set<String> en =
          dimension.values().stream().map(v -> v.names().en()).collect(Collectors.toSet());
      assertEquals(dimension.values().size(), zh.size(), dimension.id());
      assertEquals(dimension.values().size(), en.size(), dimension.id());
    }
    assertEquals(
        "3plus", TAXONOMY.dimension("kids").orElseThrow().resolve("3个及以上孩子").orElseThrow().id());
  }

  @Test
  void kidsValuesMatchBabyAndChildProductsAndNoKidsMatchesNothing() {
    Dimension kids = TAXONOMY.dimension("kids").orElseThrow();
    assertTrue(kids.value("none").orElseThrow().match().isEmpty());
    Product babyFood = product(List.of("DRUG GM", "BABY FOODS", "BABY JUICES"));
    Product kidsCereal = product(List.of("GROCERY", "COLD CEREAL", "KIDS CEREAL"));
    Product adultCereal = product(List.of("GROCERY", "COLD CEREAL", "ALL FAMILY CEREAL"));
    for (String id : List.of("1", "2", "3plus")) {
      MatchRule rule = kids.value(id).orElseThrow().match().orElseThrow();
      assertTrue(rule.matches(babyFood), id);
      assertTrue(rule.matches(kidsCereal), id);
      assertFalse(rule.matches(adultCereal), id);
    }
    for (String dimension : List.of("income", "home_ownership", "marital_status", "age")) {
      assertTrue(
          TAXONOMY.dimension(dimension).orElseThrow().values().stream()
              .map(DimensionValue::match)
              .allMatch(m -> m.isEmpty()),
          dimension);
    }
  }

  private static Product product(List<String> path) {
    return new RawProduct("1", "1", path.get(0), "National", path.get(1), path.get(2), "")
        .toProduct(100, 1, Options.BEFORE_THE_DATA);
  }
}
