package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.taxonomy.Cardinality;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.LocalizedName;
import io.fanshelf.indexer.taxonomy.MatchRule;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.indexer.taxonomy.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The beauty and home dimensions of the generated demo shop, and the platform taxonomy that holds
 * them: version 2, the grocery dimensions of the Complete Journey demo plus these three, because a
 * new taxonomy version must keep every dimension of the stored one and both demos share one store.
 * Immutable.
 */
final class BeautyTaxonomy {
  static final String SKIN_TYPE = "skin_type";
  static final String HOME_STYLE = "home_style";
  static final String PRICE_SENSITIVITY = "price_sensitivity";

  /** The product attributes the match rules read. */
  static final String SKIN_ATTRIBUTE = "skin_type";

  static final String STYLE_ATTRIBUTE = "style";

  /** Price bands (cents) of the price-sensitivity values: below 100, 100 to 250, from 250. */
  static final long PRICE_LOW_BELOW = 100_00;

  static final long PRICE_HIGH_FROM = 250_00;

  static final Dimension SKIN =
      new Dimension(
          SKIN_TYPE,
          "beauty",
          Cardinality.ONE,
          Visibility.DISPLAYABLE,
          new LocalizedName("肤质", "Skin type"),
          List.of(
              skin("dry", "干皮", "Dry skin"),
              skin("combination", "混合皮", "Combination skin"),
              skin("oily", "油皮", "Oily skin"),
              skin("sensitive", "敏感肌", "Sensitive skin")));

  static final Dimension STYLE =
      new Dimension(
          HOME_STYLE,
          "home",
          Cardinality.MANY,
          Visibility.DISPLAYABLE,
          new LocalizedName("家居风格", "Home style"),
          List.of(style("value", "性价比", "Good value"), style("looks", "颜值", "Good looks")));

  static final Dimension PRICE =
      new Dimension(
          PRICE_SENSITIVITY,
          "beauty",
          Cardinality.ONE,
          Visibility.PRIVATE,
          new LocalizedName("价格敏感度", "Price sensitivity"),
          List.of(
              price(
                  "high",
                  "看重价格",
                  "Price-conscious",
                  OptionalLong.empty(),
                  OptionalLong.of(PRICE_LOW_BELOW)),
              price(
                  "medium",
                  "价格适中",
                  "Mid-range",
                  OptionalLong.of(PRICE_LOW_BELOW),
                  OptionalLong.of(PRICE_HIGH_FROM)),
              price(
                  "low",
                  "不太在意价格",
                  "Not price-driven",
                  OptionalLong.of(PRICE_HIGH_FROM),
                  OptionalLong.empty())));

  private BeautyTaxonomy() {}

  /** Version 2 of the platform taxonomy: the grocery dimensions, then skin type, style, price. */
  static Taxonomy taxonomy() {
    List<Dimension> dimensions = new ArrayList<>(GroceryTaxonomy.taxonomy().dimensions());
    dimensions.addAll(List.of(SKIN, STYLE, PRICE));
    return new Taxonomy(2, dimensions);
  }

  private static DimensionValue skin(String id, String zh, String en) {
    return new DimensionValue(
        id,
        new LocalizedName(zh, en),
        Optional.of(new MatchRule.Attribute(SKIN_ATTRIBUTE, id)),
        false);
  }

  private static DimensionValue style(String id, String zh, String en) {
    return new DimensionValue(
        id,
        new LocalizedName(zh, en),
        Optional.of(new MatchRule.Attribute(STYLE_ATTRIBUTE, id)),
        false);
  }

  private static DimensionValue price(
      String id, String zh, String en, OptionalLong minCents, OptionalLong maxCents) {
    return new DimensionValue(
        id,
        new LocalizedName(zh, en),
        Optional.of(new MatchRule.PriceBand(minCents, maxCents)),
        false);
  }
}
