package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.taxonomy.Cardinality;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.LocalizedName;
import io.fanshelf.indexer.taxonomy.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How the cells of one raw user-attribute column become the values of one generated taxonomy
 * dimension (one value per fan): a fixed list of values with a function from the raw cell to one of
 * them (MovieLens' coded ages and occupations, age bands from a number), or an open list made of
 * the distinct cells seen (a generic column). Not thread-safe: {@link #valueId} collects the open
 * values.
 */
final class AttributeDimension {
  /** A generated dimension with more values than this is no label an owner could use. */
  static final int MAX_OPEN_VALUES = 200;

  /** One value of a fixed list. */
  record Value(String id, String zh, String en) {}

  private final String id;
  private final String domain;
  private final LocalizedName names;
  private final Visibility visibility;
  private final List<Value> fixedValues;
  private final Function<String, Optional<String>> fixedValueOf;
  private final String expected;
  private final Map<String, String> zhNames;
  private final Map<String, String> openIdByRaw = new TreeMap<>();

  private AttributeDimension(
      String id,
      String domain,
      LocalizedName names,
      Visibility visibility,
      List<Value> fixedValues,
      Function<String, Optional<String>> fixedValueOf,
      String expected,
      Map<String, String> zhNames) {
    this.id = id;
    this.domain = domain;
    this.names = names;
    this.visibility = visibility;
    this.fixedValues = fixedValues;
    this.fixedValueOf = fixedValueOf;
    this.expected = expected;
    this.zhNames = zhNames;
  }

  /**
   * A dimension with the given values; {@code valueOf} maps a raw cell to a value id (empty when
   * the cell is none of them) and {@code expected} says what a cell should be, for the error.
   */
  static AttributeDimension fixed(
      String id,
      String domain,
      LocalizedName names,
      Visibility visibility,
      List<Value> values,
      Function<String, Optional<String>> valueOf,
      String expected) {
    return new AttributeDimension(
        id, domain, names, visibility, List.copyOf(values), valueOf, expected, Map.of());
  }

  /**
   * A dimension whose values are the distinct cells seen, each named by its text (in Chinese by
   * {@code zhNames} where given) with a lower-case code made from it.
   */
  static AttributeDimension open(
      String id,
      String domain,
      LocalizedName names,
      Visibility visibility,
      Map<String, String> zhNames) {
    return new AttributeDimension(
        id, domain, names, visibility, null, null, null, Map.copyOf(zhNames));
  }

  /** Age bands from a whole number of years: under 18, 18-24, 25-34 ... 55-64, 65 and over. */
  static AttributeDimension ageBands(String id, String domain, Visibility visibility) {
    return fixed(
        id,
        domain,
        new LocalizedName("年龄段", "Age group"),
        visibility,
        AGE_BANDS,
        AttributeDimension::ageBand,
        "an age in whole years such as 34");
  }

  static final List<Value> AGE_BANDS =
      List.of(
          new Value("under-18", "18岁以下", "Under 18"),
          new Value("18-24", "18-24岁", "Age 18-24"),
          new Value("25-34", "25-34岁", "Age 25-34"),
          new Value("35-44", "35-44岁", "Age 35-44"),
          new Value("45-54", "45-54岁", "Age 45-54"),
          new Value("55-64", "55-64岁", "Age 55-64"),
          new Value("65plus", "65岁及以上", "Age 65+"));

  private static final int[] AGE_BAND_STARTS = {0, 18, 25, 35, 45, 55, 65};

  private static Optional<String> ageBand(String raw) {
    double years;
    try {
      years = Double.parseDouble(raw.strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (!(years >= 0 && years < 150) || years != Math.rint(years)) {
      return Optional.empty();
    }
    int band = 0;
    while (band + 1 < AGE_BAND_STARTS.length && years >= AGE_BAND_STARTS[band + 1]) {
      band++;
    }
    return Optional.of(AGE_BANDS.get(band).id());
  }

  String id() {
    return id;
  }

  /**
   * The value id of a non-empty raw cell.
   *
   * @throws IllegalArgumentException saying what was expected, when a fixed dimension does not know
   *     the cell or an open one would get more than {@link #MAX_OPEN_VALUES} values
   */
  String valueId(String raw) {
    if (fixedValues != null) {
      return fixedValueOf
          .apply(raw)
          .orElseThrow(
              () -> new IllegalArgumentException("expected " + expected + ", got '" + raw + "'"));
    }
    String text = raw.strip();
    String known = openIdByRaw.get(text);
    if (known != null) {
      return known;
    }
    if (openIdByRaw.size() == MAX_OPEN_VALUES) {
      throw new IllegalArgumentException(
          "the column has more than "
              + MAX_OPEN_VALUES
              + " distinct values, too many for a label; leave it out or bucket it first");
    }
    String code = uniqueCode(text);
    openIdByRaw.put(text, code);
    return code;
  }

  private String uniqueCode(String text) {
    String base = code(text);
    if (base.isEmpty()) {
      base = "v" + (openIdByRaw.size() + 1);
    }
    String code = base;
    for (int n = 2; openIdByRaw.containsValue(code); n++) {
      code = ItemInfo.cut(base, 60) + "-" + n;
    }
    return code;
  }

  /** Lower-case letters and digits kept, + and _ kept, runs of anything else one '-'. */
  static String code(String text) {
    StringBuilder code = new StringBuilder();
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '_';
      if (keep) {
        code.append(c);
      } else if (!code.isEmpty() && code.charAt(code.length() - 1) != '-') {
        code.append('-');
      }
    }
    while (!code.isEmpty() && !Character.isLetterOrDigit(code.charAt(0))) {
      code.deleteCharAt(0);
    }
    String result = ItemInfo.cut(code.toString(), 64);
    return result.endsWith("-") ? result.substring(0, result.length() - 1) : result;
  }

  /**
   * The taxonomy dimension: the fixed values in their order, or the values seen ordered by their
   * text. Empty for an open dimension no cell filled.
   */
  Optional<Dimension> dimension() {
    List<DimensionValue> values = new ArrayList<>();
    if (fixedValues != null) {
      for (Value value : fixedValues) {
        values.add(
            new DimensionValue(
                value.id(), new LocalizedName(value.zh(), value.en()), Optional.empty(), false));
      }
    } else {
      // A TreeMap: the values in the order of their text.
      openIdByRaw.forEach(
          (raw, code) ->
              values.add(
                  new DimensionValue(
                      code,
                      new LocalizedName(zhNames.getOrDefault(raw, raw), raw),
                      Optional.empty(),
                      false)));
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Dimension(id, domain, Cardinality.ONE, visibility, names, values));
  }
}
