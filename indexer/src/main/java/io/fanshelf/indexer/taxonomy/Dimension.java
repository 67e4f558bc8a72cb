package io.fanshelf.indexer.taxonomy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A labelling dimension, e.g. beauty {@code skin_type}.
 *
 * @param id stable id, lower-case code
 * @param domain the business domain it belongs to (beauty, home, grocery ...)
 * @param cardinality one value or many per label
 * @param visibility displayable to fans, or private
 * @param names display names
 * @param values the values, retired ones included
 */
public record Dimension(
    String id,
    String domain,
    Cardinality cardinality,
    Visibility visibility,
    LocalizedName names,
    List<DimensionValue> values) {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_+\\-]{0,63}");

  public Dimension {
    requireCode("dimension id", id);
    requireCode("domain of " + id, domain);
    Objects.requireNonNull(cardinality, "cardinality of " + id);
    Objects.requireNonNull(visibility, "visibility of " + id);
    Objects.requireNonNull(names, "names of " + id);
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("dimension " + id + " needs at least one value");
    }
    Set<String> seen = new HashSet<>();
    for (DimensionValue value : values) {
      if (!seen.add(value.id())) {
        throw new IllegalArgumentException(
            "dimension " + id + " lists value '" + value.id() + "' twice");
      }
    }
  }

  static void requireCode(String field, String value) {
    if (value == null || !CODE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be a lower-case code (a-z, 0-9, _ + -), got '" + value + "'");
    }
  }

  public Optional<DimensionValue> value(String valueId) {
    return values.stream().filter(v -> v.id().equals(valueId)).findFirst();
  }

  /**
   * Finds a value by id or by its zh-CN or English name (case-insensitive), the way an owner writes
   * it in a spreadsheet: "oily", "油皮" and "Oily skin" all find the same value.
   */
  public Optional<DimensionValue> resolve(String text) {
    String wanted = text.strip();
    return values.stream()
        .filter(
            v ->
                v.id().equalsIgnoreCase(wanted)
                    || v.names().zh().equals(wanted)
                    || v.names().en().equalsIgnoreCase(wanted))
        .findFirst();
  }

  public boolean isDisplayable() {
    return visibility == Visibility.DISPLAYABLE;
  }

  /** The active value ids, for error messages that say what was expected. */
  public String describeActiveValues() {
    return values.stream()
        .filter(v -> !v.retired())
        .map(v -> v.id() + " (" + v.names().zh() + ")")
        .collect(Collectors.joining(", "));
  }

  public String name(Locale locale) {
    return names.in(locale);
  }
}
