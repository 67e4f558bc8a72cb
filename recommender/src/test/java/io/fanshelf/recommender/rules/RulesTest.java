package io.fanshelf.recommender.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.FanContext;
import io.fanshelf.recommender.OrdinalHistory;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Section;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each rule alone, on hand-made products and histories. */
class RulesTest {
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  private static final OwnerId OWNER = OwnerId.of("shop");

  private static Product product(String id, String category, int stock, long priceCents) {
    return new Product(
        ProductId.of(id),
        "title " + id,
        List.of(category.split(">")),
        Optional.empty(),
        priceCents,
        stock,
        Map.of(),
        Set.of(),
        NOW.minus(Duration.ofDays(100)),
        Optional.empty(),
        0);
  }

  private static RecommendRequest request() {
    return RecommendRequest.forYou(OWNER, FanId.of("fan"), 10, NOW);
  }

  /**
   * One test's rules, applied to one hand-made product at a time: the product goes into a catalog
   * snapshot after products that sort before it (so its ordinal is not 0), and the history, given
   * by product id, is keyed by the snapshot's ordinals as serving keys it.
   */
  private record Judge(
      RecommendRequest request,
      Optional<Owner> owner,
      Curation curation,
      Map<String, FanContext.ProductHistory> historyById,
      RuleOptions options) {
    Optional<String> rejection(Product product) {
      List<Product> products = new ArrayList<>(List.of(product));
      for (String before : List.of("0-first", "0-second")) {
        products.add(RulesTest.product(before, "美妆>护肤", 5, 100));
      }
      CatalogSnapshot catalog = CatalogSnapshot.of(products);
      Map<Integer, FanContext.ProductHistory> byOrdinal = new HashMap<>();
      historyById.forEach(
          (id, seen) ->
              catalog.ordinal(ProductId.of(id)).ifPresent(ord -> byOrdinal.put(ord, seen)));
      int ordinal = catalog.ordinal(product.id()).orElseThrow();
      assertEquals(2, ordinal);
      return new Rules(options, request, owner, curation, OrdinalHistory.of(byOrdinal), catalog)
          .rejection(ordinal);
    }

    boolean allows(Product product) {
      return rejection(product).isEmpty();
    }
  }

  private static Judge rules(
      RecommendRequest request,
      Optional<Owner> owner,
      Curation curation,
      Map<String, FanContext.ProductHistory> history,
      RuleOptions options) {
    return new Judge(request, owner, curation, history, options);
  }

  private static Optional<String> rejection(Judge rules, Product product) {
    return rules.rejection(product);
  }

  private static boolean allows(Judge rules, Product product) {
    return rules.allows(product);
  }

  private static Judge plain() {
    return rules(request(), Optional.empty(), Curation.none(), Map.of(), RuleOptions.defaults());
  }

  private static FanContext.ProductHistory purchasedAgo(Duration ago) {
    return new FanContext.ProductHistory(1, 0, Optional.empty(), Optional.of(NOW.minus(ago)), 1.0);
  }

  @Test
  void soldOutProductsAreNeverShown() {
    assertEquals(Optional.of("out of stock"), rejection(plain(), product("a", "美妆", 0, 100)));
    assertTrue(allows(plain(), product("a", "美妆", 1, 100)));
  }

  @Test
  void onlyTheOwnersAssortmentIsShown() {
    Owner owner =
        new Owner(OWNER, "Shop", Locale.SIMPLIFIED_CHINESE, Optional.of(Set.of("美妆", "食品>茶饮")));
    Judge rules =
        rules(request(), Optional.of(owner), Curation.none(), Map.of(), RuleOptions.defaults());
    assertTrue(allows(rules, product("a", "美妆>护肤", 5, 100)));
    assertTrue(allows(rules, product("b", "食品>茶饮>花茶", 5, 100)));
    assertEquals(
        Optional.of("outside the owner's assortment"),
        rejection(rules, product("c", "食品>零食", 5, 100)));
    assertFalse(allows(rules, product("d", "美妆护肤", 5, 100)), "a prefix is a whole level");
  }

  @Test
  void theRequestsFiltersHold() {
    RecommendRequest filtered =
        new RecommendRequest(
            OWNER,
            FanId.of("fan"),
            10,
            Section.FOR_YOU,
            Optional.empty(),
            List.of("美妆"),
            OptionalLong.of(5000),
            OptionalLong.of(10000),
            NOW);
    Judge rules =
        rules(filtered, Optional.empty(), Curation.none(), Map.of(), RuleOptions.defaults());
    assertTrue(allows(rules, product("a", "美妆>护肤", 5, 5000)));
    assertFalse(allows(rules, product("b", "美妆>护肤", 5, 10000)), "max is exclusive");
    assertFalse(allows(rules, product("c", "美妆>护肤", 5, 4999)));
    assertFalse(allows(rules, product("d", "家居", 5, 6000)));
  }

  @Test
  void blockedProductsAreNeverShown() {
    Judge rules =
        rules(
            request(),
            Optional.empty(),
            new Curation(List.of(), Set.of(ProductId.of("a"))),
            Map.of(),
            RuleOptions.defaults());
    assertEquals(Optional.of("blocked by the owner"), rejection(rules, product("a", "美妆", 5, 100)));
  }

  @Test
  void consumablesComeBackAfterTheRepurchaseWindowDurablesNever() {
    Map<String, FanContext.ProductHistory> history =
        Map.of(
            "recent", purchasedAgo(Duration.ofDays(3)),
            "old", purchasedAgo(Duration.ofDays(30)),
            "sofa", purchasedAgo(Duration.ofDays(300)));
    Judge rules =
        rules(
            request(),
            Optional.empty(),
            Curation.none(),
            history,
            RuleOptions.defaults().withDurableCategories(List.of("家居>家具")));
    assertEquals(
        Optional.of("bought recently"), rejection(rules, product("recent", "食品>茶饮", 5, 100)));
    assertTrue(allows(rules, product("old", "食品>茶饮", 5, 100)));
    assertFalse(allows(rules, product("sofa", "家居>家具>沙发", 5, 100)));
  }

  @Test
  void aProductShownTooOftenWithoutAClickRests() {
    FanContext.ProductHistory ignored =
        new FanContext.ProductHistory(
            5, 5, Optional.of(NOW.minus(Duration.ofDays(1))), Optional.empty(), 0);
    FanContext.ProductHistory longAgo =
        new FanContext.ProductHistory(
            5, 5, Optional.of(NOW.minus(Duration.ofDays(10))), Optional.empty(), 0);
    FanContext.ProductHistory fewTimes =
        new FanContext.ProductHistory(
            4, 4, Optional.of(NOW.minus(Duration.ofDays(1))), Optional.empty(), 0);
    Judge rules =
        rules(
            request(),
            Optional.empty(),
            Curation.none(),
            Map.of("a", ignored, "b", longAgo, "c", fewTimes),
            RuleOptions.defaults());
    assertEquals(
        Optional.of("shown too often without a click"),
        rejection(rules, product("a", "美妆", 5, 100)));
    assertTrue(allows(rules, product("b", "美妆", 5, 100)), "rested long enough");
    assertTrue(allows(rules, product("c", "美妆", 5, 100)), "under the cap");
  }

  @Test
  void diversityCapsACategoryInTheTopAndKeepsTheRestInOrder() {
    List<String> ranked = List.of("a1", "a2", "a3", "a4", "b1", "a5", "c1");
    List<Diversity.Cap> twoInFive = List.of(new Diversity.Cap(2, 5));
    List<String> diverse = Diversity.apply(ranked, s -> s.charAt(0), twoInFive);
    assertEquals(List.of("a1", "a2", "b1", "c1", "a3", "a4", "a5"), diverse);
    assertEquals(
        ranked,
        Diversity.apply(ranked, s -> s.charAt(0), List.of(new Diversity.Cap(0, 5))),
        "0 disables it");
  }

  @Test
  void theFirstScreenCapSpreadsCategoriesAndGivesWayWhenTheyRunOut() {
    List<String> ranked = List.of("a1", "a2", "a3", "b1", "b2", "c1", "a4");
    List<Diversity.Cap> caps = List.of(new Diversity.Cap(1, 3), new Diversity.Cap(2, 6));
    // first three: one of each; then the wider cap alone: a second a and b, then c is gone and the
    // wider cap has no a left to give, so the rest follows in rank order
    assertEquals(
        List.of("a1", "b1", "c1", "a2", "b2", "a3", "a4"),
        Diversity.apply(ranked, s -> s.charAt(0), caps));
    List<String> oneCategory = List.of("a1", "a2", "a3");
    assertEquals(oneCategory, Diversity.apply(oneCategory, s -> s.charAt(0), caps));
  }

  @Test
  void thePageFromTheStartOfAListIsThePageOfTheWholeListOrNone() {
    SplittableRandom random = new SplittableRandom(17);
    int decided = 0;
    int undecided = 0;
    for (int round = 0; round < 2_000; round++) {
      // few categories and tight caps make caps give way; many make the start decide
      int categories = 1 + random.nextInt(12);
      List<Integer> ranked = new ArrayList<>();
      for (int i = 0, n = random.nextInt(60); i < n; i++) {
        ranked.add(i * 100 + random.nextInt(categories));
      }
      List<Diversity.Cap> caps =
          List.of(
              new Diversity.Cap(random.nextInt(3), 1 + random.nextInt(8)),
              new Diversity.Cap(random.nextInt(5), 1 + random.nextInt(25)));
      List<Integer> whole = Diversity.apply(ranked, item -> item % 100, caps);
      int count = 1 + random.nextInt(25);
      int start = random.nextInt(ranked.size() + 1);
      Optional<List<Integer>> page =
          Diversity.first(ranked.subList(0, start), item -> item % 100, caps, count);
      if (page.isPresent()) {
        decided++;
        assertEquals(whole.subList(0, Math.min(count, whole.size())), page.get());
      } else {
        undecided++;
      }
    }
    assertTrue(decided > 300 && undecided > 300, decided + " decided, " + undecided + " not");
  }
}
