package io.fanshelf.api.console;

import io.fanshelf.api.owner.FanDirectory;
import io.fanshelf.api.owner.LabelFilters;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the fan list was asked for: label filters ({@code f.<dimension>=<value>}), a search ({@code
 * q}), the order ({@code sort}) and the page; and the links to the same list in another order or on
 * another page. Checked when parsed: a bad value is a 400 naming its parameter. Immutable.
 *
 * @param filters dimension id to the value id chosen in its filter, in parameter order
 * @param search the search text, stripped; empty for none
 * @param sort the order
 * @param page 1-based
 */
public record FanListRequest(
    Map<String, String> filters, String search, FanDirectory.Sort sort, int page) {
  public FanListRequest {
    filters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(filters));
  }

  static FanListRequest parse(Map<String, String> params) {
    Map<String, String> filters = new LinkedHashMap<>();
    params.forEach(
        (key, value) -> {
          if (key.startsWith("f.") && value != null && !value.isBlank()) {
            filters.put(key.substring(2), value.strip());
          }
        });
    String search = params.getOrDefault("q", "");
    if (search.length() > 100) {
      throw ApiException.badRequest("q", "expected at most 100 characters, got " + search.length());
    }
    return new FanListRequest(
        filters,
        search.strip(),
        FanDirectory.Sort.parse("sort", params.get("sort")),
        page(params.get("page")));
  }

  private static int page(String value) {
    if (value == null || value.isBlank()) {
      return 1;
    }
    try {
      int page = Integer.parseInt(value.strip());
      if (page >= 1) {
        return page;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw ApiException.badRequest("page", "expected a page number from 1, got '" + value + "'");
  }

  /** The filters checked against the taxonomy, value names resolved to ids. */
  Map<String, Set<String>> labels(Taxonomy taxonomy) {
    List<String> parts = new ArrayList<>();
    filters.forEach((dimension, value) -> parts.add(dimension + ":" + value));
    return LabelFilters.parse("f", parts, taxonomy);
  }

  /** The value chosen in a dimension's filter, or null; for preselecting it. */
  public String filter(String dimension) {
    return filters.get(dimension);
  }

  /** This list on another page. */
  public String pageUrl(int page) {
    return url(sort, page);
  }

  /** This list, first page, in another order. */
  public String sortUrl(String sortParam) {
    return url(FanDirectory.Sort.parse("sort", sortParam), 1);
  }

  /** This list as it is (the page a bulk action returns to). */
  public String url() {
    return url(sort, page);
  }

  /** The parameters that select the fans (filters and search), for a form to carry. */
  public Map<String, String> selection() {
    Map<String, String> fields = new LinkedHashMap<>();
    filters.forEach((dimension, value) -> fields.put("f." + dimension, value));
    if (!search.isEmpty()) {
      fields.put("q", search);
    }
    return fields;
  }

  private String url(FanDirectory.Sort order, int toPage) {
    StringBuilder url = new StringBuilder("/console/fans");
    Map<String, String> fields = selection();
    if (order != FanDirectory.Sort.ID) {
      fields.put("sort", order.param());
    }
    if (toPage > 1) {
      fields.put("page", Integer.toString(toPage));
    }
    fields.forEach(
        (key, value) ->
            url.append(url.indexOf("?") < 0 ? '?' : '&')
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return url.toString();
  }
}
