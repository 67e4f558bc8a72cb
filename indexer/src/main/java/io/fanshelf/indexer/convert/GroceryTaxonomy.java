package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.taxonomy.Cardinality;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.LocalizedName;
import io.fanshelf.indexer.taxonomy.MatchRule;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.indexer.taxonomy.Visibility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grocery taxonomy made from Complete Journey's demographics columns, and the mapping from each
 * raw code ("65+", "2 Adults Kids") to its value id. One table drives both, so a label can only
 * carry a value the taxonomy has. Immutable.
 */
final class GroceryTaxonomy {
  static final String DOMAIN = "grocery";

  /**
   * Category prefixes of products bought for babies and children, chosen from products.csv: whole
   * baby categories, plus the clearly child-oriented types inside general categories. In the
   * sample, 46-75% of the rows of the larger prefixes come from households with kids, against 39%
   * of all labelled rows; docs/demo-data.md has the table.
   */
  static final List<String> KIDS_CATEGORY_PREFIXES =
      List.of(
          "DRUG GM>BABY FOODS",
          "DRUG GM>BABY HBC",
          "DRUG GM>DIAPERS & DISPOSABLES",
          "DRUG GM>INFANT CARE PRODUCTS",
          "DRUG GM>INFANT FORMULA",
          "NUTRITION>BABYFOOD",
          "DRUG GM>TOYS AND GAMES",
          "DRUG GM>ANALGESICS>PEDIATRIC ANALGESICS",
          "DRUG GM>VITAMINS>VITAMIN - CHILDREN",
          "DRUG GM>STATIONERY & SCHOOL SUPPLIES>CHILDREN S ACTIVITY",
          "DRUG GM>BOOKSTORE>CHILDRENS LOW END",
          "GROCERY>COLD CEREAL>KIDS CEREAL",
          "GROCERY>COOKIES/CONES>VANILLA WAFER/KIDS COOKIES");

  /**
   * A demographics column and the dimension it fills.
   *
   * @param rawColumn the column in demographics.csv
   * @param required whether an empty cell is an error (otherwise it leaves the label out)
   * @param dimension the taxonomy dimension
   * @param valueIdByRaw raw code to value id, in the dimension's value order
   */
  record LabelColumn(
      String rawColumn, boolean required, Dimension dimension, Map<String, String> valueIdByRaw) {

    Optional<String> valueId(String raw) {
      return Optional.ofNullable(valueIdByRaw.get(raw));
    }
  }

  static final List<LabelColumn> COLUMNS = columns();

  private GroceryTaxonomy() {}

  static Taxonomy taxonomy() {
    return new Taxonomy(1, COLUMNS.stream().map(LabelColumn::dimension).toList());
  }

  private static List<LabelColumn> columns() {
    MatchRule kidsProducts =
        new MatchRule.AnyOf(
            KIDS_CATEGORY_PREFIXES.stream().<MatchRule>map(MatchRule.Category::new).toList());
    return List.of(
        column("age", true, "age", Visibility.DISPLAYABLE, "年龄段", "Age group")
            .value("19-24", "19-24", "19-24岁", "Age 19-24")
            .value("25-34", "25-34", "25-34岁", "Age 25-34")
            .value("35-44", "35-44", "35-44岁", "Age 35-44")
            .value("45-54", "45-54", "45-54岁", "Age 45-54")
            .value("55-64", "55-64", "55-64岁", "Age 55-64")
            .value("65+", "65plus", "65岁及以上", "Age 65+")
            .build(),
        column("household_comp", true, "household", Visibility.DISPLAYABLE, "家庭构成", "Household")
            .value("1 Adult Kids", "1-adult-kids", "独自带娃", "One adult with kids")
            .value("1 Adult No Kids", "1-adult-no-kids", "单人家庭", "One adult, no kids")
            .value("2 Adults Kids", "2-adults-kids", "两位大人带娃", "Two adults with kids")
            .value("2 Adults No Kids", "2-adults-no-kids", "二人世界", "Two adults, no kids")
            .build(),
        column("kids_count", true, "kids", Visibility.DISPLAYABLE, "孩子数量", "Kids")
            .value("0", "none", "没有孩子", "No kids")
            .value("1", "1", "1个孩子", "1 kid", kidsProducts)
            .value("2", "2", "2个孩子", "2 kids", kidsProducts)
            .value("3+", "3plus", "3个及以上孩子", "3 or more kids", kidsProducts)
            .build(),
        column("income", true, "income", Visibility.PRIVATE, "家庭年收入", "Household income")
            .value("Under 15K", "under-15k", "1.5万美元以下", "Under $15K")
            .value("15-24K", "15-24k", "1.5万-2.4万美元", "$15K-24K")
            .value("25-34K", "25-34k", "2.5万-3.4万美元", "$25K-34K")
            .value("35-49K", "35-49k", "3.5万-4.9万美元", "$35K-49K")
            .value("50-74K", "50-74k", "5万-7.4万美元", "$50K-74K")
            .value("75-99K", "75-99k", "7.5万-9.9万美元", "$75K-99K")
            .value("100-124K", "100-124k", "10万-12.4万美元", "$100K-124K")
            .value("125-149K", "125-149k", "12.5万-14.9万美元", "$125K-149K")
            .value("150-174K", "150-174k", "15万-17.4万美元", "$150K-174K")
            .value("175-199K", "175-199k", "17.5万-19.9万美元", "$175K-199K")
            .value("200-249K", "200-249k", "20万-24.9万美元", "$200K-249K")
            .value("250K+", "250kplus", "25万美元及以上", "$250K+")
            .build(),
        column(
                "home_ownership",
                false,
                "home_ownership",
                Visibility.PRIVATE,
                "住房情况",
                "Home ownership")
            .value("Homeowner", "homeowner", "自有住房", "Homeowner")
            .value("Probable Homeowner", "probable-homeowner", "可能自有住房", "Probable homeowner")
            .value("Renter", "renter", "租房", "Renter")
            .value("Probable Renter", "probable-renter", "可能租房", "Probable renter")
            .build(),
        column(
                "marital_status",
                false,
                "marital_status",
                Visibility.PRIVATE,
                "婚姻状况",
                "Marital status")
            .value("Married", "married", "已婚", "Married")
            .value("Unmarried", "unmarried", "单身", "Unmarried")
            .build());
  }

  private static ColumnBuilder column(
      String rawColumn,
      boolean required,
      String dimensionId,
      Visibility visibility,
      String zh,
      String en) {
    return new ColumnBuilder(
        rawColumn, required, dimensionId, visibility, new LocalizedName(zh, en));
  }

  /** Collects the values of one column in order; used only to build {@link #COLUMNS}. */
  private static final class ColumnBuilder {
    private final String rawColumn;
    private final boolean required;
    private final String dimensionId;
    private final Visibility visibility;
    private final LocalizedName names;
    private final List<DimensionValue> values = new ArrayList<>();
    private final Map<String, String> valueIdByRaw = new LinkedHashMap<>();

    ColumnBuilder(
        String rawColumn,
        boolean required,
        String dimensionId,
        Visibility visibility,
        LocalizedName names) {
      this.rawColumn = rawColumn;
      this.required = required;
      this.dimensionId = dimensionId;
      this.visibility = visibility;
      this.names = names;
    }

    ColumnBuilder value(String raw, String id, String zh, String en) {
      return value(raw, id, zh, en, Optional.empty());
    }

    ColumnBuilder value(String raw, String id, String zh, String en, MatchRule match) {
      return value(raw, id, zh, en, Optional.of(match));
    }

    private ColumnBuilder value(
        String raw, String id, String zh, String en, Optional<MatchRule> match) {
      values.add(new DimensionValue(id, new LocalizedName(zh, en), match, false));
      valueIdByRaw.put(raw, id);
      return this;
    }

    LabelColumn build() {
      Dimension dimension =
          new Dimension(dimensionId, DOMAIN, Cardinality.ONE, visibility, names, values);
      return new LabelColumn(
          rawColumn, required, dimension, Collections.unmodifiableMap(valueIdByRaw));
    }
  }
}
