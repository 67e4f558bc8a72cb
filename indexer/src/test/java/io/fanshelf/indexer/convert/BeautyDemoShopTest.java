package io.fanshelf.indexer.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated beauty and home shop: the committed files under demo/beauty are what the generator
 * writes today, the same seed gives the same bytes, the products carry what the taxonomy's rules
 * match, and the fans' behaviour follows their labels.
 */
class BeautyDemoShopTest {
  // Surefire runs in the module directory.
  private static final Path COMMITTED = Path.of("..", "demo", "beauty");
  private static final List<String> FILES =
      List.of(
          "taxonomy.json", "owners.csv", "catalog.csv", "fans.csv", "labels.csv", "events.csv.gz");

  private static final BeautyDemoShop.Shop SHOP =
      new BeautyDemoShop(BeautyDemoShop.Options.defaults()).build();

  @TempDir Path first;
  @TempDir Path second;

  @Test
  void committedFilesAreWhatTheGeneratorWritesAndTheSeedDecidesEverything() throws IOException {
    new BeautyDemoShop(BeautyDemoShop.Options.defaults()).generate(first);
    for (String file : FILES) {
      assertArrayEquals(
          Files.readAllBytes(COMMITTED.resolve(file)),
          Files.readAllBytes(first.resolve(file)),
          file
              + " differs from the generator's output: run generate-beauty-demo --out demo/beauty");
    }
    new BeautyDemoShop(new BeautyDemoShop.Options(18, 800)).generate(second);
    assertFalse(
        Files.mismatch(first.resolve("events.csv.gz"), second.resolve("events.csv.gz")) < 0,
        "another seed gives other events");
  }

  @Test
  void taxonomyKeepsTheGroceryDimensionsSoItImportsAfterTheGroceryDemo() {
    Taxonomy grocery = GroceryTaxonomy.taxonomy();
    Taxonomy beauty = BeautyTaxonomy.taxonomy();
    assertEquals(List.of(), grocery.problemsReplacingWith(beauty));
    assertEquals(
        "private",
        beauty.dimension("price_sensitivity").orElseThrow().visibility().name().toLowerCase());
  }

  @Test
  void everyValueMatchesProductsAndEveryProductIsInTheShopsAssortment() {
    for (Dimension dimension :
        List.of(BeautyTaxonomy.SKIN, BeautyTaxonomy.STYLE, BeautyTaxonomy.PRICE)) {
      for (DimensionValue value : dimension.values()) {
        long matching =
            SHOP.products().stream().filter(p -> value.match().orElseThrow().matches(p)).count();
        assertTrue(matching >= 20, dimension.id() + "=" + value.id() + " matches " + matching);
      }
    }
    assertTrue(SHOP.products().size() >= 200, SHOP.products().size() + " products");
    for (Product product : SHOP.products()) {
      assertTrue(product.inCategory("美妆") || product.inCategory("家居"), product.toString());
      assertTrue(product.brand().isPresent() && product.imageUrl().isPresent(), product.toString());
      assertTrue(product.title().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF));
      // Skincare and foundation name one skin type; home goods a style.
      boolean skincare = product.inCategory("美妆>护肤") || product.inCategory("美妆>彩妆>粉底液");
      assertEquals(skincare, product.attributes().containsKey("skin_type"), product.title());
      assertEquals(
          product.inCategory("家居"), product.attributes().containsKey("style"), product.title());
    }
  }

  @Test
  void labelledFansViewWhatTheirLabelsMatch() {
    Map<ProductId, Product> products =
        SHOP.products().stream().collect(Collectors.toMap(Product::id, Function.identity()));
    Map<FanId, ShopFan> fans =
        SHOP.fans().stream().collect(Collectors.toMap(ShopFan::id, Function.identity()));
    long skinViews = 0;
    long skinMatches = 0;
    long styleViews = 0;
    long styleMatches = 0;
    for (Event event : SHOP.events()) {
      ShopFan fan = fans.get(event.fan());
      Product product = products.get(event.product());
      if (event.type() != EventType.VIEW) {
        continue;
      }
      List<String> skins = product.attributes().get("skin_type");
      if (fan.skinLabelled() && skins != null) {
        skinViews++;
        skinMatches += skins.contains(fan.skinType()) ? 1 : 0;
      }
      List<String> styles = product.attributes().get("style");
      if (fan.styleLabelled() && styles != null) {
        styleViews++;
        styleMatches += styles.stream().anyMatch(fan.styles()::contains) ? 1 : 0;
      }
    }
    // By chance a quarter of skincare views would match the skin type.
    assertTrue(skinMatches > 0.75 * skinViews, skinMatches + " of " + skinViews);
    assertTrue(styleMatches > 0.75 * styleViews, styleMatches + " of " + styleViews);
  }

  @Test
  void priceConsciousFansBuyCheaperThanFansWhoDoNotMindThePrice() {
    Map<ProductId, Product> products =
        SHOP.products().stream().collect(Collectors.toMap(Product::id, Function.identity()));
    Map<FanId, ShopFan> fans =
        SHOP.fans().stream().collect(Collectors.toMap(ShopFan::id, Function.identity()));
    Map<String, Double> meanPrice =
        SHOP.events().stream()
            .filter(e -> e.type() == EventType.PURCHASE)
            .filter(e -> fans.get(e.fan()).priceLabelled())
            .collect(
                Collectors.groupingBy(
                    e -> fans.get(e.fan()).priceSensitivity(),
                    Collectors.averagingLong(e -> products.get(e.product()).priceCents())));
    assertTrue(
        meanPrice.get("high") < meanPrice.get("medium")
            && meanPrice.get("medium") < meanPrice.get("low"),
        meanPrice.toString());
  }

  @Test
  void someFansHaveNoLabelAndEveryFanHasEvents() {
    long unlabelled =
        SHOP.fans().stream().filter(f -> f.labelCells().stream().allMatch(String::isEmpty)).count();
    assertTrue(unlabelled > 50 && unlabelled < 200, unlabelled + " unlabelled fans");
    long withEvents = SHOP.events().stream().map(Event::fan).distinct().count();
    assertEquals(SHOP.fans().size(), withEvents);
    assertTrue(
        SHOP.events().stream()
            .allMatch(
                e ->
                    !e.time().isBefore(BeautyDemoShop.EVENTS_FROM)
                        && e.time().isBefore(BeautyDemoShop.EVENTS_TO)));
  }

  @Test
  void sinceOctoberSessionsStartOnTheOwnersShelfAndLeadToPurchases() {
    List<Event> shelf = SHOP.events().stream().filter(e -> e.owner().isPresent()).toList();
    assertTrue(
        shelf.stream()
            .allMatch(
                e ->
                    e.owner().get().equals(BeautyDemoShop.OWNER)
                        && (e.type() == EventType.IMPRESSION || e.type() == EventType.CLICK)
                        && !e.time().isBefore(BeautyDemoShop.SHELF_FROM)),
        "only opens and clicks on shop-mei's shelf, since October");
    long opens =
        shelf.stream()
            .filter(e -> e.type() == EventType.IMPRESSION && e.id().value().endsWith("-0"))
            .count();
    long clicks = shelf.stream().filter(e -> e.type() == EventType.CLICK).count();
    assertTrue(opens > 300 && clicks > opens, opens + " opens, " + clicks + " clicks");
    // A purchase within 7 days after a click on the same product by the same fan.
    Map<String, List<java.time.Instant>> clicked =
        shelf.stream()
            .filter(e -> e.type() == EventType.CLICK)
            .collect(
                Collectors.groupingBy(
                    e -> e.fan().value() + "/" + e.product().value(),
                    Collectors.mapping(Event::time, Collectors.toList())));
    long followed =
        SHOP.events().stream()
            .filter(e -> e.type() == EventType.PURCHASE && e.owner().isEmpty())
            .filter(
                e ->
                    clicked
                        .getOrDefault(e.fan().value() + "/" + e.product().value(), List.of())
                        .stream()
                        .anyMatch(
                            c ->
                                !c.isAfter(e.time())
                                    && c.plus(java.time.Duration.ofDays(7)).isAfter(e.time())))
            .count();
    assertTrue(followed > 100, followed + " purchases after a shelf click");
  }
}
