package io.fanshelf.indexer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductChange;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.CatalogQuery.Order;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.MatchRule;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link CatalogStore} contract, over the {@link BeautyHomeFixture} catalog. Subclass once per
 * backend.
 */
public abstract class CatalogStoreContract extends StoreContract {
  private static final int ALL = CatalogQuery.MAX_LIMIT;
  private static final float SCORE_TOLERANCE = 1e-4f;

  private CatalogStore catalog;

  @BeforeEach
  protected final void loadCatalog() throws IOException {
    catalog = backend().catalog();
    catalog.upsert(BeautyHomeFixture.products());
  }

  // ------------------------------------------------------------------ writes and reads

  @Test
  void getGivesBackEveryFieldAsUpserted() throws IOException {
    for (Product product : BeautyHomeFixture.products()) {
      assertEquals(Optional.of(product), catalog.get(product.id()), product.id().value());
    }
  }

  @Test
  void getKeepsSubMillisecondTimesAndEveryOptionalField() throws IOException {
    Product full =
        new Product(
            ProductId.of("edge-全"),
            "  氨基酸洗面奶 Amino Cleanser  ",
            List.of("美妆", "护肤", "洁面"),
            Optional.of("清研 Lab"),
            1,
            Integer.MAX_VALUE,
            Map.of("skin_type", List.of("oily", "combination"), "香型", List.of("无香")),
            Set.of("new", "限量"),
            Instant.parse("2026-11-01T00:00:00.123456789Z"),
            Optional.of("https://img.example.com/edge.jpg"),
            1.0);
    Product empty =
        new Product(
            ProductId.of("edge-empty"),
            "Plain",
            List.of("其他"),
            Optional.empty(),
            0,
            0,
            Map.of(),
            Set.of(),
            Instant.EPOCH,
            Optional.empty(),
            0.0);
    catalog.upsert(List.of(full, empty));

    assertEquals(Optional.of(full), catalog.get(full.id()));
    assertEquals(Optional.of(empty), catalog.get(empty.id()));
  }

  @Test
  void getOfUnknownIdIsEmpty() throws IOException {
    assertEquals(Optional.empty(), catalog.get(ProductId.of("bh-999")));
  }

  @Test
  void countsEveryProductOnce() throws IOException {
    assertEquals(BeautyHomeFixture.products().size(), catalog.count());
    catalog.upsert(BeautyHomeFixture.products());
    assertEquals(BeautyHomeFixture.products().size(), catalog.count());
  }

  @Test
  void forEachVisitsEveryProductOnce() throws IOException {
    List<Product> visited = new ArrayList<>();
    catalog.forEach(visited::add);
    assertEquals(byId(BeautyHomeFixture.products()), byId(visited));
    assertEquals(BeautyHomeFixture.products().size(), visited.size());
  }

  @Test
  void allHoldsWhatForEachVisits() throws IOException {
    List<Product> visited = new ArrayList<>();
    catalog.forEach(visited::add);
    List<Product> all = catalog.all();
    assertEquals(byId(visited), byId(all));
    assertEquals(visited.size(), all.size());
  }

  @Test
  void aReimportRemembersThePreviousPriceAndStock() throws IOException {
    Instant first = Instant.parse("2026-12-01T08:00:00Z");
    Instant second = Instant.parse("2026-12-03T08:00:00Z");
    Instant third = Instant.parse("2026-12-05T08:00:00Z");
    Product stored = BeautyHomeFixture.product("bh-001");
    Product soldOut = withPriceAndStock(stored, stored.priceCents(), 0);
    Product backCheaper = withPriceAndStock(stored, stored.priceCents() - 500, 8);
    Product untouched = BeautyHomeFixture.product("bh-002");
    catalog.upsert(List.of(soldOut), first);
    catalog.upsert(List.of(backCheaper, untouched), second);

    ProductChange expected =
        new ProductChange(
            stored.id(), stored.priceCents(), 0, stored.priceCents() - 500, 8, second);
    assertEquals(List.of(expected), catalog.changedSince(first));
    assertTrue(expected.restocked() && expected.cheaper());
    // The same product again, unchanged: its last change is kept, not forgotten.
    catalog.upsert(List.of(backCheaper), third);
    assertEquals(List.of(expected), catalog.changedSince(first));
    assertEquals(List.of(), catalog.changedSince(second));
    assertEquals(Optional.of(backCheaper), catalog.get(stored.id()));
    // The change of the first import is the newest too: both products, newest first.
    Product pricier = withPriceAndStock(untouched, untouched.priceCents() + 100, untouched.stock());
    catalog.upsert(List.of(pricier), third);
    List<ProductChange> changes = catalog.changedSince(first);
    assertEquals(
        List.of(untouched.id(), stored.id()),
        changes.stream().map(ProductChange::product).toList());
    assertFalse(changes.getFirst().cheaper() || changes.getFirst().restocked());
  }

  private static Product withPriceAndStock(Product product, long priceCents, int stock) {
    return new Product(
        product.id(),
        product.title(),
        product.categoryPath(),
        product.brand(),
        priceCents,
        stock,
        product.attributes(),
        product.tags(),
        product.createdAt(),
        product.imageUrl(),
        product.commissionRate());
  }

  @Test
  void upsertReplacesAProductById() throws IOException {
    Product old = BeautyHomeFixture.product("bh-001");
    Product replacement =
        BeautyHomeFixture.product(
            "bh-001",
            "温和氨基酸洁面 干皮可用",
            "美妆>护肤>卸妆",
            null,
            "35.00",
            0,
            "skin_type=dry",
            "gift",
            "2026-11-02T10:00:00+08:00",
            null,
            0.05);
    catalog.upsert(List.of(replacement));

    assertEquals(Optional.of(replacement), catalog.get(old.id()));
    assertEquals(BeautyHomeFixture.products().size(), catalog.count());
    // Nothing of the old version is still searchable.
    assertFalse(ids(search(rule(new MatchRule.Category("美妆>护肤>洁面")))).contains(old.id()));
    assertFalse(ids(search(rule(new MatchRule.Tag("new")))).contains(old.id()));
    assertFalse(ids(search(CatalogQuery.builder(ALL).text("清爽").build())).contains(old.id()));
    // The new version is.
    assertTrue(ids(search(rule(new MatchRule.Category("美妆>护肤>卸妆")))).contains(old.id()));
    assertTrue(ids(search(rule(new MatchRule.Tag("gift")))).contains(old.id()));
    assertEquals(old.id(), search(CatalogQuery.builder(ALL).text("氨基酸").build()).getFirst().id());
  }

  @Test
  void aBatchThatFailsMidwayLeavesNothing() throws IOException {
    Product replaced = changedTitle(BeautyHomeFixture.product("bh-002"), "Replaced Zyxwv Cream");
    Product added = newProduct("bh-100", "Qwerty 新品试用装");
    IllegalStateException boom = new IllegalStateException("the batch broke at its third element");

    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () -> catalog.upsert(failingAfter(List.of(replaced, added), boom)));
    assertSame(boom, rootCause(thrown));

    assertUnchanged();
    // And the store keeps working.
    catalog.upsert(List.of(replaced, added));
    assertEquals(Optional.of(replaced), catalog.get(replaced.id()));
    assertEquals(Optional.of(added), catalog.get(added.id()));
  }

  @Test
  void aProductTheBackendCannotIndexFailsTheWholeBatch() throws IOException {
    // Valid for the model, but its category path (130 levels of 100 characters, joined with '>')
    // is far longer than any index term may be, so indexing it fails after the products before it
    // in the batch were handled.
    String level = "很长的类目".repeat(20);
    List<String> path = Collections.nCopies(130, level);
    Product unindexable =
        new Product(
            ProductId.of("bh-huge"),
            "类目过深的商品",
            path,
            Optional.empty(),
            100,
            1,
            Map.of(),
            Set.of(),
            Instant.parse("2026-11-01T00:00:00Z"),
            Optional.empty(),
            0);
    Product replaced = changedTitle(BeautyHomeFixture.product("bh-002"), "Replaced Zyxwv Cream");
    Product added = newProduct("bh-100", "Qwerty 新品试用装");

    assertThrows(Exception.class, () -> catalog.upsert(List.of(replaced, added, unindexable)));

    assertUnchanged();
    assertEquals(Optional.empty(), catalog.get(unindexable.id()));
    catalog.upsert(List.of(added));
    assertEquals(Optional.of(added), catalog.get(added.id()));
  }

  private void assertUnchanged() throws IOException {
    assertEquals(BeautyHomeFixture.products().size(), catalog.count());
    Product original = BeautyHomeFixture.product("bh-002");
    assertEquals(Optional.of(original), catalog.get(original.id()));
    assertEquals(Optional.empty(), catalog.get(ProductId.of("bh-100")));
    assertEquals(List.of(), search(CatalogQuery.builder(ALL).text("zyxwv qwerty").build()));
  }

  @Test
  void everythingSurvivesCloseAndReopen() throws IOException {
    Product replacement = changedTitle(BeautyHomeFixture.product("bh-003"), "舒缓修护精华 新版");
    catalog.upsert(List.of(replacement, newProduct("bh-100", "Qwerty 新品试用装")));

    catalog = reopen().catalog();

    assertEquals(BeautyHomeFixture.products().size() + 1, catalog.count());
    assertEquals(Optional.of(replacement), catalog.get(replacement.id()));
    assertEquals(
        ProductId.of("bh-100"),
        search(CatalogQuery.builder(5).text("qwerty").build()).getFirst().id());
    assertEquals(
        expected(new MatchRule.Attribute("skin_type", "oily")),
        ids(search(rule(new MatchRule.Attribute("skin_type", "oily")))));
  }

  // ------------------------------------------------------------------ free text

  @Test
  void chineseNeedFindsEveryFlowerTea() throws IOException {
    List<ProductId> hits = ids(search(CatalogQuery.builder(ALL).text("想买花茶 调理身体").build()));

    assertTrue(hits.containsAll(BeautyHomeFixture.flowerTeas()), "hits: " + hits);
    // 玫瑰花茶 调理气色 is the flower tea that also answers 调理.
    assertEquals(ProductId.of("bh-011"), hits.getFirst(), "hits: " + hits);
    // Products with none of the words (想, 买, 花茶, 调理, 身体) are not hits.
    assertFalse(hits.contains(ProductId.of("bh-014")), "龙井 is tea but not 花茶: " + hits);
    assertFalse(hits.contains(ProductId.of("bh-016")), "hits: " + hits);
  }

  @Test
  void chineseTextMatchesWordsNotJustWholeTitles() throws IOException {
    assertEquals(
        List.of(ProductId.of("bh-014")), ids(search(CatalogQuery.builder(ALL).text("龙井").build())));
    assertEquals(
        ProductId.of("bh-001"),
        search(CatalogQuery.builder(ALL).text("控油 洁面").build()).get(0).id());
  }

  @Test
  void englishTextFindsEnglishTitles() throws IOException {
    assertEquals(
        ProductId.of("bh-015"),
        search(CatalogQuery.builder(ALL).text("green tea").build()).getFirst().id());
    assertEquals(
        List.of(ProductId.of("bh-019")),
        ids(search(CatalogQuery.builder(ALL).text("vacuum bottles").build())));
    assertEquals(
        List.of(ProductId.of("bh-010")),
        ids(search(CatalogQuery.builder(ALL).text("Hydrating serum").build())));
  }

  @Test
  void textAlsoSearchesBrandAndAttributeValues() throws IOException {
    assertEquals(
        Set.of(ProductId.of("bh-011"), ProductId.of("bh-012")),
        Set.copyOf(ids(search(CatalogQuery.builder(ALL).text("花间集").build()))));
    assertEquals(
        List.of(ProductId.of("bh-019")),
        ids(search(CatalogQuery.builder(ALL).text("Keepwarm").build())));
  }

  @Test
  void textThatMatchesNothingFindsNothing() throws IOException {
    assertEquals(List.of(), search(CatalogQuery.builder(ALL).text("潜水艇").build()));
  }

  // ------------------------------------------------------------------ match rules

  /** Every rule of the fixture taxonomy, plus rules that probe each rule type's edges. */
  static Stream<Arguments> rules() {
    List<Arguments> rules = new ArrayList<>();
    for (Dimension dimension : BeautyHomeFixture.taxonomy().dimensions()) {
      for (DimensionValue value : dimension.values()) {
        value
            .match()
            .ifPresent(
                rule ->
                    rules.add(Arguments.of(dimension.id() + "=" + value.id() + " " + rule, rule)));
      }
    }
    Stream.of(
            new MatchRule.Attribute("skin_type", "dry"),
            new MatchRule.Attribute("hair_type", "oily"),
            new MatchRule.Attribute("origin", "山东平阴"),
            new MatchRule.Attribute("volume", "500ml"),
            new MatchRule.Attribute("skin_type", "oil"),
            new MatchRule.Attribute("skin", "oily"),
            new MatchRule.Tag("养生"),
            new MatchRule.Tag("gift"),
            new MatchRule.Tag("gif"),
            new MatchRule.Category("美妆"),
            new MatchRule.Category("美妆>护肤"),
            new MatchRule.Category("美妆>护"),
            new MatchRule.Category("美妆>护肤>精华"),
            new MatchRule.Category("护肤"),
            new MatchRule.Category("食品>茶饮>花茶"),
            new MatchRule.PriceBand(OptionalLong.empty(), OptionalLong.of(4990)),
            new MatchRule.PriceBand(OptionalLong.empty(), OptionalLong.of(4991)),
            new MatchRule.PriceBand(OptionalLong.of(4990), OptionalLong.of(5000)),
            new MatchRule.PriceBand(OptionalLong.of(5000), OptionalLong.of(5001)),
            new MatchRule.PriceBand(OptionalLong.of(29900), OptionalLong.empty()),
            new MatchRule.AnyOf(List.of(new MatchRule.Tag("养生"))),
            new MatchRule.AnyOf(
                List.of(
                    new MatchRule.Attribute("skin_type", "sensitive"),
                    new MatchRule.Category("家居>床品"),
                    new MatchRule.PriceBand(OptionalLong.of(26800), OptionalLong.of(26801)))),
            new MatchRule.AnyOf(
                List.of(
                    new MatchRule.Tag("looks"),
                    new MatchRule.AnyOf(
                        List.of(
                            new MatchRule.Category("食品"),
                            new MatchRule.Attribute("color", "正红"))))))
        .forEach(rule -> rules.add(Arguments.of(rule.toString(), rule)));
    return rules.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void aRuleSelectsExactlyTheProductsItMatches(String name, MatchRule rule) throws IOException {
    List<ScoredProduct> hits = search(rule(rule));

    assertEquals(
        expected(rule), ids(hits), "ids of the products " + rule + " matches, in id order");
  }

  @Test
  void attributeRulesKeepNameAndValueApart() throws IOException {
    // An attribute value may contain '=' (from JSONL, even a name may): the rule for one name and
    // value must not match a product whose name and value only concatenate to the same text.
    Product phValue =
        withAttributes(newProduct("eq-1", "弱酸性洁面"), Map.of("formula", List.of("pH=5.5")));
    Product phName =
        withAttributes(newProduct("eq-2", "弱酸性洁面"), Map.of("formula=pH", List.of("5.5")));
    catalog.upsert(List.of(phValue, phName));

    MatchRule byValue = new MatchRule.Attribute("formula", "pH=5.5");
    MatchRule byName = new MatchRule.Attribute("formula=pH", "5.5");
    assertTrue(byValue.matches(phValue) && !byValue.matches(phName));
    assertEquals(List.of(phValue.id()), ids(search(rule(byValue))));
    assertEquals(List.of(phName.id()), ids(search(rule(byName))));
  }

  @Test
  void aBatchWithTheSameIdTwiceKeepsTheLastOne() throws IOException {
    Product first = changedTitle(BeautyHomeFixture.product("bh-004"), "第一次 Zyxwv");
    Product second = changedTitle(BeautyHomeFixture.product("bh-004"), "第二次 Qwerty");

    catalog.upsert(List.of(first, second));

    assertEquals(Optional.of(second), catalog.get(second.id()));
    assertEquals(BeautyHomeFixture.products().size(), catalog.count());
    assertEquals(
        List.of(second.id()), ids(search(CatalogQuery.builder(ALL).text("zyxwv qwerty").build())));
  }

  @Test
  void categoryRulesMatchWholeLevels() throws IOException {
    assertEquals(
        expected(p -> p.categoryPath().getFirst().equals("美妆")),
        ids(search(rule(new MatchRule.Category("美妆")))));
    assertEquals(
        expected(p -> p.categoryPath().size() > 1 && p.categoryPath().get(1).equals("护肤")),
        ids(search(rule(new MatchRule.Category("美妆>护肤")))));
    // 美妆>护 is a prefix of the text 美妆>护肤 and 美妆>护发, but not a category level.
    assertEquals(List.of(), search(rule(new MatchRule.Category("美妆>护"))));
    assertEquals(List.of(), search(rule(new MatchRule.Category("护肤"))));
  }

  @Test
  void priceBandMaxIsExclusive() throws IOException {
    // bh-013 costs exactly 50.00, bh-007 exactly 200.00.
    MatchRule below50 = new MatchRule.PriceBand(OptionalLong.empty(), OptionalLong.of(5000));
    MatchRule from50 = new MatchRule.PriceBand(OptionalLong.of(5000), OptionalLong.of(20000));
    MatchRule from200 = new MatchRule.PriceBand(OptionalLong.of(20000), OptionalLong.empty());

    assertFalse(ids(search(rule(below50))).contains(ProductId.of("bh-013")));
    assertTrue(ids(search(rule(from50))).contains(ProductId.of("bh-013")));
    assertFalse(ids(search(rule(from50))).contains(ProductId.of("bh-007")));
    assertTrue(ids(search(rule(from200))).contains(ProductId.of("bh-007")));
  }

  // ------------------------------------------------------------------ scores and order

  @Test
  void eachMatchingRuleAddsItsWeight() throws IOException {
    MatchRule oily = new MatchRule.Attribute("skin_type", "oily");
    MatchRule skinCare = new MatchRule.Category("美妆>护肤");
    MatchRule gift = new MatchRule.Tag("gift");
    Map<MatchRule, Float> weights = Map.of(oily, 4f, skinCare, 2f, gift, 0.5f);
    CatalogQuery.Builder query = CatalogQuery.builder(ALL);
    weights.forEach(query::rule);

    List<ScoredProduct> hits = catalog.search(query.build());

    Map<ProductId, Float> expected = new HashMap<>();
    for (Product product : BeautyHomeFixture.products()) {
      float sum = 0;
      for (Map.Entry<MatchRule, Float> weighted : weights.entrySet()) {
        if (weighted.getKey().matches(product)) {
          sum += weighted.getValue();
        }
      }
      if (sum > 0) {
        expected.put(product.id(), sum);
      }
    }
    assertEquals(expected.keySet(), Set.copyOf(ids(hits)));
    for (ScoredProduct hit : hits) {
      assertEquals(expected.get(hit.id()), hit.score(), SCORE_TOLERANCE, hit.id().value());
    }
    assertRelevanceOrder(hits);
    // bh-001 (oily skin care) and bh-005 (oily skin care, sold out) lead with 6.
    assertEquals(
        Set.of(ProductId.of("bh-001"), ProductId.of("bh-005")),
        Set.copyOf(ids(hits.subList(0, 2))));
  }

  @Test
  void aTextMatchScoresAsLucenesBm25() throws IOException {
    // "Keepwarm" (bh-019's brand) occurs once in one product, so its score is one BM25 term as
    // Lucene's BM25Similarity computes it: idf * tf / (tf + k1 * (1 - b + b * length / average
    // length)), k1 = 1.2, b = 0.75, without the (k1 + 1) factor of the legacy formula. Lengths are
    // counted with the analyzer both backends use (exact below 24 tokens, where Lucene's norms
    // are).
    List<ScoredProduct> hits = catalog.search(CatalogQuery.builder(ALL).text("Keepwarm").build());

    long total = 0;
    long length = 0;
    for (Product product : BeautyHomeFixture.products()) {
      long tokens = tokens(CatalogTerms.searchableText(product));
      total += tokens;
      if (product.id().equals(ProductId.of("bh-019"))) {
        length = tokens;
      }
    }
    int docs = BeautyHomeFixture.products().size();
    double idf = Math.log(1 + (docs - 1 + 0.5) / (1 + 0.5));
    double average = (double) total / docs;
    double expected = idf / (1 + 1.2 * (1 - 0.75 + 0.75 * length / average));
    assertTrue(length > 0 && length < 24, "bh-019 has " + length + " tokens");
    assertEquals(List.of(ProductId.of("bh-019")), ids(hits));
    assertEquals(expected, hits.getFirst().score(), expected * 1e-5);
  }

  private static long tokens(String text) throws IOException {
    try (org.apache.lucene.analysis.Analyzer analyzer =
            new org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer();
        org.apache.lucene.analysis.TokenStream stream = analyzer.tokenStream("text", text)) {
      stream.reset();
      long count = 0;
      while (stream.incrementToken()) {
        count++;
      }
      stream.end();
      return count;
    }
  }

  @Test
  void higherWeightWins() throws IOException {
    MatchRule tea = new MatchRule.Category("食品>茶饮");
    MatchRule home = new MatchRule.Category("家居");

    List<ProductId> teaFirst = ids(search(CatalogQuery.builder(ALL).rule(tea, 2).rule(home, 1)));
    List<ProductId> homeFirst = ids(search(CatalogQuery.builder(ALL).rule(tea, 1).rule(home, 2)));

    List<ProductId> teas = expected(tea);
    List<ProductId> homes = expected(home);
    assertEquals(concat(teas, homes), teaFirst);
    assertEquals(concat(homes, teas), homeFirst);
  }

  @Test
  void textAndRulesAddUp() throws IOException {
    // 花茶 alone ranks the three flower teas; a heavy in-stock-cheap rule reorders them.
    MatchRule cheap = new MatchRule.PriceBand(OptionalLong.empty(), OptionalLong.of(3000));
    List<ScoredProduct> hits =
        catalog.search(CatalogQuery.builder(ALL).text("花茶").rule(cheap, 100).build());

    assertEquals(ProductId.of("bh-012"), hits.getFirst().id(), "the cheap flower tea leads");
    assertRelevanceOrder(hits);
    // Cheap products without 花茶 in them still match, through the rule.
    assertTrue(ids(hits).contains(ProductId.of("bh-016")));
  }

  @Test
  void equalScoresAreOrderedById() throws IOException {
    List<ScoredProduct> hits = search(rule(new MatchRule.Category("家居")));

    assertEquals(expected(new MatchRule.Category("家居")), ids(hits));
    assertEquals(1, hits.stream().map(ScoredProduct::score).distinct().count(), "one score");
  }

  @Test
  void withoutTextOrRulesEveryProductMatchesWithScoreZeroInIdOrder() throws IOException {
    List<ScoredProduct> hits = catalog.search(CatalogQuery.builder(ALL).build());

    assertEquals(expected(p -> true), ids(hits));
    for (ScoredProduct hit : hits) {
      assertEquals(0f, hit.score(), hit.id().value());
    }
  }

  @Test
  void newestOrderIgnoresScores() throws IOException {
    List<ScoredProduct> all = catalog.search(CatalogQuery.builder(ALL).order(Order.NEWEST).build());
    assertEquals(newestFirst(p -> true), ids(all));

    MatchRule oily = new MatchRule.Attribute("skin_type", "oily");
    MatchRule cheap = new MatchRule.PriceBand(OptionalLong.empty(), OptionalLong.of(10000));
    List<ScoredProduct> ruled =
        catalog.search(
            CatalogQuery.builder(ALL).rule(oily, 5).rule(cheap, 1).order(Order.NEWEST).build());
    assertEquals(newestFirst(p -> oily.matches(p) || cheap.matches(p)), ids(ruled));
  }

  @Test
  void limitKeepsTheBestHits() throws IOException {
    MatchRule skinCare = new MatchRule.Category("美妆>护肤");
    MatchRule dry = new MatchRule.Attribute("skin_type", "dry");
    List<ProductId> all = ids(search(CatalogQuery.builder(ALL).rule(skinCare, 1).rule(dry, 3)));

    for (int limit : new int[] {1, 2, 5}) {
      assertEquals(
          all.subList(0, limit),
          ids(search(CatalogQuery.builder(limit).rule(skinCare, 1).rule(dry, 3))),
          "limit " + limit);
    }
    assertEquals(
        newestFirst(p -> true).subList(0, 3),
        ids(catalog.search(CatalogQuery.builder(3).order(Order.NEWEST).build())));
    assertEquals(1, catalog.search(CatalogQuery.builder(1).text("想买花茶 调理身体").build()).size());
  }

  // ------------------------------------------------------------------ filters

  @Test
  void categoryPrefixFilterKeepsProductsUnderAnyPrefix() throws IOException {
    List<String> prefixes = List.of("家居>装饰", "食品", "美妆>护");
    List<ScoredProduct> hits =
        catalog.search(CatalogQuery.builder(ALL).categoryPrefixes(prefixes).build());

    assertEquals(
        expected(
            p ->
                new MatchRule.Category("家居>装饰").matches(p)
                    || new MatchRule.Category("食品").matches(p)),
        ids(hits));
  }

  @Test
  void priceFilterIncludesMinAndExcludesMax() throws IOException {
    List<ScoredProduct> hits =
        catalog.search(
            CatalogQuery.builder(ALL)
                .priceRange(OptionalLong.of(5000), OptionalLong.of(20000))
                .build());
    assertEquals(expected(p -> p.priceCents() >= 5000 && p.priceCents() < 20000), ids(hits));
    assertTrue(ids(hits).contains(ProductId.of("bh-013")));
    assertFalse(ids(hits).contains(ProductId.of("bh-007")));

    assertEquals(
        expected(p -> p.priceCents() < 4990),
        ids(
            catalog.search(
                CatalogQuery.builder(ALL)
                    .priceRange(OptionalLong.empty(), OptionalLong.of(4990))
                    .build())));
    assertEquals(
        expected(p -> p.priceCents() >= 26800),
        ids(
            catalog.search(
                CatalogQuery.builder(ALL)
                    .priceRange(OptionalLong.of(26800), OptionalLong.empty())
                    .build())));
  }

  @Test
  void createdAfterIsStrict() throws IOException {
    Instant cut = BeautyHomeFixture.product("bh-011").createdAt();
    List<ScoredProduct> hits = catalog.search(CatalogQuery.builder(ALL).createdAfter(cut).build());

    assertEquals(expected(p -> p.createdAt().isAfter(cut)), ids(hits));
    assertFalse(ids(hits).contains(ProductId.of("bh-011")));
    assertTrue(ids(hits).contains(ProductId.of("bh-012")));
  }

  @Test
  void inStockOnlyDropsSoldOutProducts() throws IOException {
    List<ScoredProduct> hits = catalog.search(CatalogQuery.builder(ALL).inStockOnly().build());

    assertEquals(expected(Product::inStock), ids(hits));
    assertFalse(ids(hits).contains(ProductId.of("bh-005")));
  }

  @Test
  void filtersCombineWithEachOtherAndWithScoring() throws IOException {
    Instant cut = BeautyHomeFixture.time("2026-09-15T00:00:00+08:00");
    MatchRule oily = new MatchRule.Attribute("skin_type", "oily");
    MatchRule dry = new MatchRule.Attribute("skin_type", "dry");
    CatalogQuery query =
        CatalogQuery.builder(ALL)
            .rule(oily, 2)
            .rule(dry, 1)
            .categoryPrefixes(List.of("美妆>护肤", "美妆>彩妆"))
            .priceRange(OptionalLong.of(5000), OptionalLong.of(30000))
            .createdAfter(cut)
            .inStockOnly()
            .build();

    Predicate<Product> filters =
        p ->
            (new MatchRule.Category("美妆>护肤").matches(p)
                    || new MatchRule.Category("美妆>彩妆").matches(p))
                && p.priceCents() >= 5000
                && p.priceCents() < 30000
                && p.createdAt().isAfter(cut)
                && p.inStock()
                && (oily.matches(p) || dry.matches(p));
    List<ScoredProduct> hits = catalog.search(query);
    // oily first (score 2), then dry (score 1), each by id.
    List<ProductId> expected =
        concat(expected(filters.and(oily::matches)), expected(filters.and(p -> !oily.matches(p))));
    assertEquals(expected, ids(hits));
    assertFalse(hits.isEmpty());
  }

  @Test
  void textWithFiltersOnlyFindsFilteredProducts() throws IOException {
    List<ProductId> hits =
        ids(
            catalog.search(
                CatalogQuery.builder(ALL).text("茶").categoryPrefixes(List.of("家居")).build()));

    // Only the 白茶-scented 香薰 is both home and tea-flavoured.
    assertEquals(List.of(ProductId.of("bh-018")), hits);
  }

  // ------------------------------------------------------------------ helpers

  private List<ScoredProduct> search(CatalogQuery.Builder query) throws IOException {
    return catalog.search(query.build());
  }

  private List<ScoredProduct> search(CatalogQuery query) throws IOException {
    return catalog.search(query);
  }

  private static CatalogQuery rule(MatchRule rule) {
    return CatalogQuery.builder(ALL).rule(rule, 1).build();
  }

  private static List<ProductId> ids(List<ScoredProduct> hits) {
    return hits.stream().map(ScoredProduct::id).toList();
  }

  /** Fixture products the rule matches, in id order (the order of equal scores). */
  private static List<ProductId> expected(MatchRule rule) {
    return expected(rule::matches);
  }

  private static List<ProductId> expected(Predicate<Product> filter) {
    return BeautyHomeFixture.products().stream().filter(filter).map(Product::id).sorted().toList();
  }

  private static List<ProductId> newestFirst(Predicate<Product> filter) {
    return BeautyHomeFixture.products().stream()
        .filter(filter)
        .sorted(Comparator.comparing(Product::createdAt).reversed())
        .map(Product::id)
        .toList();
  }

  private static Map<ProductId, Product> byId(List<Product> products) {
    return products.stream().collect(Collectors.toMap(Product::id, p -> p));
  }

  private static void assertRelevanceOrder(List<ScoredProduct> hits) {
    for (int i = 1; i < hits.size(); i++) {
      ScoredProduct before = hits.get(i - 1);
      ScoredProduct after = hits.get(i);
      assertTrue(
          before.score() > after.score()
              || (before.score() == after.score() && before.id().compareTo(after.id()) < 0),
          "by score, then id: " + before + " before " + after);
    }
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static Product changedTitle(Product p, String title) {
    return new Product(
        p.id(),
        title,
        p.categoryPath(),
        p.brand(),
        p.priceCents(),
        p.stock(),
        p.attributes(),
        p.tags(),
        p.createdAt(),
        p.imageUrl(),
        p.commissionRate());
  }

  private static Product withAttributes(Product p, Map<String, List<String>> attributes) {
    return new Product(
        p.id(),
        p.title(),
        p.categoryPath(),
        p.brand(),
        p.priceCents(),
        p.stock(),
        attributes,
        p.tags(),
        p.createdAt(),
        p.imageUrl(),
        p.commissionRate());
  }

  private static Product newProduct(String id, String title) {
    return BeautyHomeFixture.product(
        id,
        title,
        "美妆>护肤>精油",
        "花间集",
        "88.00",
        10,
        null,
        null,
        "2026-11-01T09:00:00+08:00",
        null,
        0.1);
  }
}
