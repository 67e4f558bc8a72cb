package io.fanshelf.recommender;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What to recommend.
 *
 * @param owner whose shelf (ranking, assortment, pins and labels are this owner's)
 * @param fan for whom
 * @param limit how many items, 1 to {@link #MAX_LIMIT}
 * @param section which section; {@link Section#FOR_YOU} for the main list
 * @param need an optional free-text need, e.g. "想买花茶 调理身体"
 * @param categoryPrefixes keep only products under these category prefixes; empty keeps all
 * @param minPriceCents keep only products at least this expensive
 * @param maxPriceCents keep only products cheaper than this
 * @param now the moment of the request (decay, recency, "not bought recently")
 */
public record RecommendRequest(
    OwnerId owner,
    FanId fan,
    int limit,
    Section section,
    Optional<String> need,
    List<String> categoryPrefixes,
    OptionalLong minPriceCents,
    OptionalLong maxPriceCents,
    Instant now) {
  public static final int MAX_LIMIT = 200;

  public RecommendRequest {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(fan, "fan");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    Objects.requireNonNull(section, "section");
    need = Objects.requireNonNull(need, "need").map(String::strip).filter(n -> !n.isEmpty());
    need.ifPresent(
        n -> {
          if (n.length() > 200) {
            throw new IllegalArgumentException(
                "need must be at most 200 characters, got " + n.length());
          }
        });
    categoryPrefixes = List.copyOf(categoryPrefixes);
    Objects.requireNonNull(minPriceCents, "minPriceCents");
    Objects.requireNonNull(maxPriceCents, "maxPriceCents");
    Objects.requireNonNull(now, "now");
  }

  /** The main list for a fan, no need, no filters. */
  public static RecommendRequest forYou(OwnerId owner, FanId fan, int limit, Instant now) {
    return new RecommendRequest(
        owner,
        fan,
        limit,
        Section.FOR_YOU,
        Optional.empty(),
        List.of(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        now);
  }

  public RecommendRequest withSection(Section other) {
    return new RecommendRequest(
        owner, fan, limit, other, need, categoryPrefixes, minPriceCents, maxPriceCents, now);
  }

  public RecommendRequest withNeed(String text) {
    return new RecommendRequest(
        owner,
        fan,
        limit,
        section,
        Optional.ofNullable(text),
        categoryPrefixes,
        minPriceCents,
        maxPriceCents,
        now);
  }
}
