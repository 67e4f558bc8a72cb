package io.fanshelf.recommender.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {
  private static Product product(String id, String title, String family) {
    return new Product(
        ProductId.of(id),
        title,
        List.of("美妆", "彩妆", "口红"),
        Optional.empty(),
        9_900,
        10,
        family == null ? Map.of() : Map.of("family", List.of(family)),
        Set.of(),
        Instant.EPOCH,
        Optional.empty(),
        0);
  }

  private static final Product CAN = product("1", "Potatoes (Canned Vegetables), 15 OZ", null);
  private static final Product SAME_CAN = product("2", "potatoes  (canned vegetables) 15oz", null);
  private static final Product RED = product("3", "绯色 丝绒雾面口红 #01 正红色", "绯色 口红");
  private static final Product NUDE = product("4", "绯色 丝绒雾面口红 #04 奶茶色", "绯色 口红");
  private static final Product CREAM = product("5", "澄肌 滋润面霜 50g", "澄肌 滋润面霜");
  private static final Product FULL_WIDTH = product("6", "澄肌 滋润面霜 ５０ｇ", null);

  private static final CatalogSnapshot CATALOG =
      CatalogSnapshot.of(List.of(CAN, SAME_CAN, RED, NUDE, CREAM, FULL_WIDTH));

  private static int ordinal(Product product) {
    return CATALOG.ordinal(product.id()).getAsInt();
  }

  private static List<String> ids(List<Product> products) {
    return products.stream().map(p -> p.id().value()).toList();
  }

  @Test
  void theBestRankedOfEachTitleAndFamilyStays() {
    List<Product> ranked = List.of(CAN, RED, SAME_CAN, CREAM, NUDE, FULL_WIDTH);
    assertEquals(
        List.of("1", "3", "5"),
        ids(
            NearDuplicates.collapse(
                ranked, NearDuplicatesTest::ordinal, CATALOG, p -> false, RuleOptions.defaults())));
  }

  @Test
  void aPinnedProductStaysAndClaimsItsFamilyFirst() {
    List<Product> ranked = List.of(RED, NUDE, CAN);
    assertEquals(
        List.of("4", "1"),
        ids(
            NearDuplicates.collapse(
                ranked,
                NearDuplicatesTest::ordinal,
                CATALOG,
                p -> p == NUDE,
                RuleOptions.defaults())));
  }

  @Test
  void eachCollapseCanBeTurnedOff() {
    List<Product> ranked = List.of(CAN, SAME_CAN, RED, NUDE);
    assertEquals(
        List.of("1", "3", "4"),
        ids(
            NearDuplicates.collapse(
                ranked,
                NearDuplicatesTest::ordinal,
                CATALOG,
                p -> false,
                RuleOptions.defaults().withNearDuplicates(true, ""))));
    assertEquals(
        List.of("1", "2", "3"),
        ids(
            NearDuplicates.collapse(
                ranked,
                NearDuplicatesTest::ordinal,
                CATALOG,
                p -> false,
                RuleOptions.defaults().withNearDuplicates(false, "family"))));
    assertEquals(
        ranked,
        NearDuplicates.collapse(
            ranked,
            NearDuplicatesTest::ordinal,
            CATALOG,
            p -> false,
            RuleOptions.defaults().withNearDuplicates(false, "")));
  }
}
