package io.fanshelf.api.owner;

import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Label filters as owners write them, {@code skin_type:oily,dry} (values by id or by their zh-CN or
 * English name), checked against the taxonomy and resolved to value ids.
 */
public final class LabelFilters {
  private LabelFilters() {}

  /** Parses {@code dimension:value,value} strings; {@code field} names the parameter in errors. */
  public static Map<String, Set<String>> parse(
      String field, List<String> filters, Taxonomy taxonomy) {
    Map<String, Set<String>> parsed = new TreeMap<>();
    for (String filter : filters) {
      if (filter == null || filter.isBlank()) {
        continue;
      }
      int colon = filter.indexOf(':');
      if (colon <= 0 || colon == filter.length() - 1) {
        throw ApiException.badRequest(
            field,
            "expected dimension:value[,value...] such as skin_type:oily, got '" + filter + "'");
      }
      String dimensionId = filter.substring(0, colon).strip();
      List<String> values = new ArrayList<>();
      for (String value : filter.substring(colon + 1).split(",")) {
        if (!value.isBlank()) {
          values.add(value.strip());
        }
      }
      parsed.merge(
          dimensionId,
          resolve(field, dimensionId, values, taxonomy),
          (a, b) -> {
            Set<String> merged = new LinkedHashSet<>(a);
            merged.addAll(b);
            return merged;
          });
    }
    return parsed;
  }

  /** Checks a map of dimension to values and resolves the values to ids. */
  public static Map<String, Set<String>> resolve(
      String field,
      Map<String, ? extends java.util.Collection<String>> filters,
      Taxonomy taxonomy) {
    Map<String, Set<String>> resolved = new TreeMap<>();
    filters.forEach(
        (dimension, values) ->
            resolved.put(dimension, resolve(field, dimension, List.copyOf(values), taxonomy)));
    return resolved;
  }

  /** Checks dimension ids for "has no label" filters. */
  public static Set<String> dimensions(String field, List<String> ids, Taxonomy taxonomy) {
    Set<String> checked = new LinkedHashSet<>();
    for (String id : ids) {
      if (id != null && !id.isBlank()) {
        checked.add(dimension(field, id.strip(), taxonomy).id());
      }
    }
    return checked;
  }

  private static Set<String> resolve(
      String field, String dimensionId, List<String> values, Taxonomy taxonomy) {
    Dimension dimension = dimension(field, dimensionId, taxonomy);
    if (values.isEmpty()) {
      throw ApiException.badRequest(
          field, "filter on " + dimensionId + " needs at least one value");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String value : values) {
      Optional<DimensionValue> found = dimension.resolve(value);
      if (found.isEmpty()) {
        throw ApiException.badRequest(
            field,
            "expected one of "
                + dimension.describeActiveValues()
                + " for "
                + dimensionId
                + ", got '"
                + value
                + "'");
      }
      ids.add(found.get().id());
    }
    return ids;
  }

  private static Dimension dimension(String field, String id, Taxonomy taxonomy) {
    return taxonomy
        .dimension(id)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    field,
                    "unknown dimension '"
                        + id
                        + "'; expected one of "
                        + taxonomy.describeDimensions()));
  }
}
