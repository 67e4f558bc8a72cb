package io.fanshelf.api.console;

import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.util.List;
import java.util.Locale;

/** Display names of the taxonomy in the page language, for templates. Immutable. */
public record ConsoleNames(Taxonomy taxonomy, Locale locale) {
  public List<Dimension> dimensions() {
    return taxonomy.dimensions();
  }

  /** The active values of a dimension, for pickers. */
  public List<DimensionValue> values(Dimension dimension) {
    return dimension.values().stream().filter(v -> !v.retired()).toList();
  }

  public String dimension(String id) {
    return taxonomy.dimension(id).map(d -> d.name(locale)).orElse(id);
  }

  public String value(String dimension, String value) {
    return taxonomy
        .dimension(dimension)
        .flatMap(d -> d.value(value))
        .map(v -> v.names().in(locale))
        .orElse(value);
  }

  public String values(String dimension, java.util.Collection<String> values) {
    return String.join(
        locale.getLanguage().equals("zh") ? "、" : ", ",
        values.stream().map(v -> value(dimension, v)).toList());
  }

  public String name(DimensionValue value) {
    return value.names().in(locale);
  }

  public String name(Dimension dimension) {
    return dimension.name(locale);
  }

  /** Whether a dimension is private (never shown to fans). */
  public boolean isPrivate(String dimension) {
    return taxonomy.dimension(dimension).map(d -> !d.isDisplayable()).orElse(false);
  }
}
