package io.fanshelf.recommender.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The snapshot's arrays say what the products say. */
class CatalogSnapshotTest {
  private static final Instant NOW = Instant.parse("2026-11-01T08:30:00.250Z");

  private static Product product(
      String id, String category, Optional<String> brand, long price, int stock, Instant created) {
    return new Product(
        ProductId.of(id),
        "title " + id,
        List.of(category.split(">")),
        brand,
        price,
        stock,
        Map.of(),
        Set.of(),
        created,
        Optional.empty(),
        0);
  }

  @Test
  void everyColumnAgreesWithItsProduct() {
    Random random = new Random(7);
    List<Product> products = new ArrayList<>();
    List<String> categories = List.of("美妆>护肤>面霜", "美妆>彩妆", "家居", "食品>茶饮");
    for (int i = 0; i < 200; i++) {
      // created up to a year around NOW, with nanoseconds, so that ages cross hour boundaries
      Instant created =
          NOW.plusSeconds(random.nextLong(-365 * 86_400L, 30 * 86_400L))
              .plusNanos(random.nextInt(1_000_000_000));
      products.add(
          product(
              "p" + i,
              categories.get(random.nextInt(categories.size())),
              random.nextInt(3) == 0 ? Optional.empty() : Optional.of("brand" + random.nextInt(5)),
              random.nextInt(100_000),
              random.nextInt(3),
              created));
    }
    CatalogSnapshot catalog = CatalogSnapshot.of(products);
    Set<Integer> titleGroups = new HashSet<>();
    for (Product product : products) {
      int ord = catalog.ordinal(product.id()).orElseThrow();
      assertEquals(product, catalog.product(ord));
      // every title differs: a group of its own, the same when asked again
      int group = catalog.titleGroup(ord);
      assertTrue(group >= 0 && group < catalog.size() && titleGroups.add(group));
      assertEquals(group, catalog.titleGroup(ord));
      assertEquals(0, catalog.attributeValueIds("family", ord).length);
      assertEquals(product.inStock(), catalog.inStock(ord));
      assertEquals(product.priceCents(), catalog.priceCents(ord));
      assertEquals(product.categoryKey(), catalog.categoryKey(catalog.leafCategory(ord)));
      assertEquals(
          product.categoryPath().getFirst(), catalog.categoryKey(catalog.topCategory(ord)));
      assertEquals(
          product.brand(),
          catalog.brand(ord) < 0
              ? Optional.empty()
              : Optional.of(brandOf(catalog, product.brand().orElseThrow(), catalog.brand(ord))));
      for (Instant now : List.of(NOW, NOW.plusNanos(999_999_999), product.createdAt())) {
        assertEquals(
            Duration.between(product.createdAt(), now).toHours(),
            catalog.ageHours(ord, now),
            () -> product.createdAt() + " to " + now);
      }
    }
  }

  /** The brand name behind an ordinal, checked through the name-to-ordinal lookup. */
  private static String brandOf(CatalogSnapshot catalog, String expected, int ordinal) {
    assertEquals(ordinal, catalog.brandOrdinal(expected).orElseThrow());
    return expected;
  }
}
