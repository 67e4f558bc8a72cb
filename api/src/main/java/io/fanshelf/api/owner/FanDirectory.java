package io.fanshelf.api.owner;

import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanProfile;
import java.io.IOException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * An owner's fan list as the console shows it: label filters, a search on fan id and nickname, the
 * fans' activity beside them, sorted and cut into numbered pages. The store filters by label; the
 * search, the activity join and the sort run over the owner's matching fans in memory, one scan of
 * the store and one read of the statistics per request, never one read per fan (10,000 fans: see
 * docs/api.md, "The console's fan list"). Thread-safe.
 */
@Service
public class FanDirectory {
  public static final int MAX_PAGE_SIZE = 200;

  private final FanService fans;
  private final StatsService stats;

  public FanDirectory(FanService fans, StatsService stats) {
    this.fans = fans;
    this.stats = stats;
  }

  /** Orders of the list; each but {@link #ID} puts the most active first. */
  public enum Sort {
    ID("id"),
    LAST_ACTIVE("active"),
    PURCHASES("purchases"),
    CLICKS("clicks");

    private final String param;

    Sort(String param) {
      this.param = param;
    }

    /** The value of the {@code sort} parameter. */
    public String param() {
      return param;
    }

    /** The sort a {@code sort} parameter names; blank is {@link #ID}. */
    public static Sort parse(String field, String value) {
      if (value == null || value.isBlank()) {
        return ID;
      }
      for (Sort sort : values()) {
        if (sort.param.equals(value.strip())) {
          return sort;
        }
      }
      throw ApiException.badRequest(
          field, "expected one of id, active, purchases, clicks, got '" + value + "'");
    }
  }

  /**
   * Which fans, in which order, which page.
   *
   * @param labels dimension to accepted value ids, as {@link FanService#find} takes them
   * @param search words every one of which the fan id or nickname contains; blank for all
   * @param sort the order
   * @param page 1-based; past the last page means the last page
   * @param pageSize 1 to {@link #MAX_PAGE_SIZE}
   */
  public record Query(
      Map<String, Set<String>> labels, String search, Sort sort, int page, int pageSize) {
    public Query {
      labels = Map.copyOf(labels);
      search = search == null ? "" : search.strip();
      if (page < 1) {
        throw ApiException.badRequest("page", "expected a page number from 1, got " + page);
      }
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw ApiException.badRequest(
            "size", "expected 1 to " + MAX_PAGE_SIZE + ", got " + pageSize);
      }
    }
  }

  /** One fan with their activity. */
  public record Row(FanProfile profile, AttributedStats.Activity activity) {}

  /**
   * One page of the list.
   *
   * @param rows this page
   * @param total how many fans match the filters and the search
   * @param page this page's number, 1-based
   * @param pages how many pages there are (at least 1)
   */
  public record Page(List<Row> rows, long total, int page, int pages) {}

  public Page page(OwnerId owner, Query query) throws IOException {
    Map<FanId, AttributedStats.Activity> activity = stats.activity(owner);
    List<Row> rows = new ArrayList<>();
    Predicate<FanProfile> found = matcher(query.search());
    fans.forEach(
        owner,
        query.labels(),
        Set.of(),
        p -> {
          if (found.test(p)) {
            rows.add(
                new Row(p, activity.getOrDefault(p.fan().id(), AttributedStats.Activity.NONE)));
          }
        });
    rows.sort(order(query.sort()));
    int pages = Math.max(1, (rows.size() + query.pageSize() - 1) / query.pageSize());
    int page = Math.min(query.page(), pages);
    int from = (page - 1) * query.pageSize();
    List<Row> shown =
        List.copyOf(rows.subList(from, Math.min(rows.size(), from + query.pageSize())));
    return new Page(shown, rows.size(), page, pages);
  }

  /** Every fan the filters and the search select, for a bulk action on all of them. */
  public List<FanId> matching(OwnerId owner, Map<String, Set<String>> labels, String search)
      throws IOException {
    Predicate<FanProfile> found = matcher(search == null ? "" : search.strip());
    List<FanId> ids = new ArrayList<>();
    fans.forEach(
        owner,
        labels,
        Set.of(),
        p -> {
          if (found.test(p)) {
            ids.add(p.fan().id());
          }
        });
    return ids;
  }

  /** Case- and width-insensitive: every word of the search is in the id or the nickname. */
  static Predicate<FanProfile> matcher(String search) {
    if (search.isEmpty()) {
      return p -> true;
    }
    List<String> words = List.of(fold(search).split("\\s+"));
    return p -> {
      String text = fold(p.fan().id().value() + " " + p.fan().nickname().orElse(""));
      return words.stream().allMatch(text::contains);
    };
  }

  private static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  private static Comparator<Row> order(Sort sort) {
    Comparator<Row> byId =
        Comparator.comparing(r -> r.profile().fan().id().value(), NaturalOrder.INSTANCE);
    Comparator<Row> first =
        switch (sort) {
          case ID -> byId;
          case LAST_ACTIVE ->
              Comparator.comparing(
                  (Row r) -> r.activity().lastActive().orElse(Instant.EPOCH),
                  Comparator.reverseOrder());
          case PURCHASES ->
              Comparator.comparingLong((Row r) -> r.activity().counts().purchases()).reversed();
          case CLICKS ->
              Comparator.comparingLong((Row r) -> r.activity().counts().clicks()).reversed();
        };
    return first.thenComparing(byId);
  }
}
