package io.fanshelf.api.console;

import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.util.List;
import java.util.Locale;

/**
 * Display names of the taxonomy in the page language, for templates, and the dimensions the
 * signed-in owner works with. Immutable.
 *
 * @param taxonomy the whole taxonomy, for naming any dimension a label or an error mentions
 * @param shown the owner's dimensions, for pickers and filters ({@link
 *     io.fanshelf.api.owner.ShopDimensions})
 * @param locale the page language
 */
public record ConsoleNames(Taxonomy taxonomy, List<Dimension> shown, Locale locale) {
  public ConsoleNames {
    shown = List.copyOf(shown);
  }

  public List<Dimension> dimensions() {
    return shown;
  }

  /** The owner's dimensions and, after them, any other dimension among {@code ids}. */
  public List<Dimension> dimensionsAnd(java.util.Collection<String> ids) {
    List<Dimension> all = new java.util.ArrayList<>(shown);
    for (Dimension dimension : taxonomy.dimensions()) {
      if (ids.contains(dimension.id()) && !all.contains(dimension)) {
        all.add(dimension);
      }
    }
    return all;
  }

  /** The active values of a dimension, for pickers. */
  public List<DimensionValue> values(Dimension dimension) {
    return dimension.values().stream().filter(v -> !v.retired()).toList();
  }

  /** The names of a dimension's active values, joined as a sentence lists them. */
  public String activeValueNames(Dimension dimension) {
    return values(dimension.id(), values(dimension).stream().map(DimensionValue::id).toList());
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
