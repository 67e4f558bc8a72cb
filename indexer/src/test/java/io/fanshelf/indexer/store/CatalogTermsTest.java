package io.fanshelf.indexer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.fanshelf.indexer.model.Product;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTermsTest {
  private final Product cleanser = BeautyHomeFixture.product("bh-001");

  @Test
  void searchableTextHoldsTitleCategoriesBrandAttributeValuesAndTags() {
    assertEquals(
        "清爽控油洁面乳 油皮适用 美妆 护肤 洁面 清研 oily combination 120ml new",
        CatalogTerms.searchableText(cleanser));
  }

  @Test
  void oneCategoryTermPerPrefixShortestFirst() {
    assertEquals(List.of("美妆", "美妆>护肤", "美妆>护肤>洁面"), CatalogTerms.categoryPrefixes(cleanser));
  }

  @Test
  void oneAttributeTermPerValue() {
    assertEquals(
        List.of("9:skin_type=oily", "9:skin_type=combination", "6:volume=120ml"),
        CatalogTerms.attributeTerms(cleanser));
  }

  @Test
  void anEqualsSignInANameOrValueCannotMakeTwoAttributesLookAlike() {
    assertNotEquals(CatalogTerms.attributeTerm("a=b", "c"), CatalogTerms.attributeTerm("a", "b=c"));
  }
}
