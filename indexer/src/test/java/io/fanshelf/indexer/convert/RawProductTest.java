package io.fanshelf.indexer.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawProductTest {
  private static RawProduct product(String brand, String category, String type, String size) {
    return new RawProduct("1", "69", "GROCERY", brand, category, type, size);
  }

  @Test
  void cleanCollapsesSpacesAndKeepsReservedCharactersOutOfCells() {
    assertEquals("CHRISTMAS SEASONAL", RawProduct.clean(" CHRISTMAS  SEASONAL "));
    assertEquals("RTD COCKTAILS ≤42P", RawProduct.clean("RTD COCKTAILS <=42P"));
    assertEquals("A B C D", RawProduct.clean("A;B|C=D"));
    assertEquals("CHEESE ≥ 2", RawProduct.clean("CHEESE >= 2"));
    assertEquals("A B", RawProduct.clean("A>B"));
  }

  @Test
  void titleCaseStartsWordsAfterSeparatorsOnly() {
    assertEquals("Ice - Crushed/Cubed", RawProduct.titleCase("ICE - CRUSHED/CUBED"));
    assertEquals("Bread:Italian/French", RawProduct.titleCase("BREAD:ITALIAN/FRENCH"));
    assertEquals("Men's 12oz (Mw)", RawProduct.titleCase("MEN'S 12OZ (MW)"));
  }

  @Test
  void titlePicksWhatIsPresent() {
    assertEquals(
        "Apple Sauce (Fruit), 50 OZ", product("National", "FRUIT", "APPLE SAUCE", "50 OZ").title());
    assertEquals("Store Brand Bread", product("Private", "BREAD", "BREAD", "").title());
    assertEquals("Organic Citrus", product("National", "", "ORGANIC CITRUS", "").title());
    assertEquals("Frzn Ice", product("", "FRZN ICE", "", "").title());
    assertEquals("Grocery", product("National", "", "", "").title());
    assertEquals(
        "Candy Bars (Singles)(Including) (Candy)",
        product("National", "CANDY", "CANDY BARS (SINGLES)(INCLUDING", "").title());
  }

  @Test
  void categoryPathAndAttributesLeaveEmptyFieldsOut() {
    RawProduct organic = product("National", "", "ORGANIC CITRUS", "");
    assertEquals(List.of("GROCERY", "ORGANIC CITRUS"), organic.categoryPath());
    assertEquals(
        Map.of(
            "brand_type", List.of("National"),
            "department", List.of("GROCERY"),
            "manufacturer", List.of("69"),
            "type", List.of("ORGANIC CITRUS")),
        organic.attributes());
  }
}
