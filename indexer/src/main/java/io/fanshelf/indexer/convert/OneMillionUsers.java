package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.convert.AttributeDimension.Value;
import io.fanshelf.indexer.taxonomy.LocalizedName;
import io.fanshelf.indexer.taxonomy.Visibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The coded columns of MovieLens 1M's users.dat: age groups by their first year (1 is "under 18")
 * and occupations 0-20, as its README lists them. Stateless.
 */
final class OneMillionUsers {
  private OneMillionUsers() {}

  /** Displayable, as the Complete Journey demo's age is. */
  static final AttributeDimension AGE = age();

  private static AttributeDimension age() {
    Map<String, Value> byCode = new LinkedHashMap<>();
    byCode.put("1", new Value("under-18", "18岁以下", "Under 18"));
    byCode.put("18", new Value("18-24", "18-24岁", "Age 18-24"));
    byCode.put("25", new Value("25-34", "25-34岁", "Age 25-34"));
    byCode.put("35", new Value("35-44", "35-44岁", "Age 35-44"));
    byCode.put("45", new Value("45-49", "45-49岁", "Age 45-49"));
    byCode.put("50", new Value("50-55", "50-55岁", "Age 50-55"));
    byCode.put("56", new Value("56plus", "56岁及以上", "Age 56+"));
    return coded("age", "年龄段", "Age group", Visibility.DISPLAYABLE, byCode);
  }

  /** Private, as u.user's occupations are. */
  static final AttributeDimension OCCUPATION = occupation();

  private static AttributeDimension occupation() {
    Map<String, Value> byCode = new LinkedHashMap<>();
    String[][] occupations = {
      {"other", "其他", "Other"},
      {"educator", "教育工作者", "Academic/educator"},
      {"artist", "艺术家", "Artist"},
      {"clerical", "文员/行政", "Clerical/admin"},
      {"college-student", "大学生/研究生", "College/grad student"},
      {"customer-service", "客服", "Customer service"},
      {"health-care", "医疗从业者", "Doctor/health care"},
      {"executive", "企业管理者", "Executive/managerial"},
      {"farmer", "农民", "Farmer"},
      {"homemaker", "全职主妇/主夫", "Homemaker"},
      {"k-12-student", "中小学生", "K-12 student"},
      {"lawyer", "律师", "Lawyer"},
      {"programmer", "程序员", "Programmer"},
      {"retired", "退休", "Retired"},
      {"sales", "销售/市场", "Sales/marketing"},
      {"scientist", "科学家", "Scientist"},
      {"self-employed", "自由职业", "Self-employed"},
      {"technician", "技术员/工程师", "Technician/engineer"},
      {"tradesman", "手艺人", "Tradesman/craftsman"},
      {"unemployed", "待业", "Unemployed"},
      {"writer", "作家", "Writer"}
    };
    for (int code = 0; code < occupations.length; code++) {
      String[] o = occupations[code];
      byCode.put(Integer.toString(code), new Value(o[0], o[1], o[2]));
    }
    return coded("occupation", "职业", "Occupation", Visibility.PRIVATE, byCode);
  }

  private static AttributeDimension coded(
      String id, String zh, String en, Visibility visibility, Map<String, Value> byCode) {
    return AttributeDimension.fixed(
        id,
        MovieLensSource.DOMAIN,
        new LocalizedName(zh, en),
        visibility,
        List.copyOf(byCode.values()),
        raw -> Optional.ofNullable(byCode.get(raw.strip())).map(Value::id),
        "one of the codes " + String.join(", ", byCode.keySet()));
  }
}
