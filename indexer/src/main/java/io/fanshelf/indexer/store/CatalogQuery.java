package io.fanshelf.indexer.store;

import io.fanshelf.indexer.taxonomy.MatchRule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A catalog search: what should score (free text, weighted match rules) and what must hold
 * (filters). With neither text nor rules, every product that passes the filters matches with score
 * 0, ordered by {@link Order}.
 *
 * @param text a free-text need such as "想买花茶 调理身体"; scored with BM25 as Lucene's {@code
 *     BM25Similarity} computes it (k1 1.2, b 0.75) over {@link CatalogTerms#searchableText}: title,
 *     category, brand, attribute values and tags
 * @param rules taxonomy match rules, each adding its weight to a product it matches
 * @param categoryPrefixes keep only products under one of these category prefixes; empty keeps all
 * @param minPriceCents keep only products at least this expensive
 * @param maxPriceCents keep only products cheaper than this
 * @param createdAfter keep only products created after this instant
 * @param inStockOnly keep only products with stock
 * @param order how to order hits
 * @param limit how many hits at most, 1 to 10,000
 */
public record CatalogQuery(
    Optional<String> text,
    List<WeightedRule> rules,
    List<String> categoryPrefixes,
    OptionalLong minPriceCents,
    OptionalLong maxPriceCents,
    Optional<Instant> createdAfter,
    boolean inStockOnly,
    Order order,
    int limit) {

  public static final int MAX_LIMIT = 10_000;

  /** How hits are ordered. */
  public enum Order {
    /** By score, ties by product id. */
    RELEVANCE,
    /** Newest product first. */
    NEWEST
  }

  /** A match rule and the score it adds when it matches. */
  public record WeightedRule(MatchRule rule, float weight) {
    public WeightedRule {
      Objects.requireNonNull(rule, "rule");
      if (!(weight > 0 && Float.isFinite(weight))) {
        throw new IllegalArgumentException("rule weight must be > 0, got " + weight);
      }
    }
  }

  public CatalogQuery {
    text = Objects.requireNonNull(text, "text").map(String::strip).filter(t -> !t.isEmpty());
    rules = List.copyOf(rules);
    categoryPrefixes = List.copyOf(categoryPrefixes);
    Objects.requireNonNull(minPriceCents, "minPriceCents");
    Objects.requireNonNull(maxPriceCents, "maxPriceCents");
    Objects.requireNonNull(createdAfter, "createdAfter");
    Objects.requireNonNull(order, "order");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
  }

  public static Builder builder(int limit) {
    return new Builder(limit);
  }

  /** Builds a query step by step; every product passes until a filter is set. */
  public static final class Builder {
    private Optional<String> text = Optional.empty();
    private final List<WeightedRule> rules = new java.util.ArrayList<>();
    private List<String> categoryPrefixes = List.of();
    private OptionalLong minPriceCents = OptionalLong.empty();
    private OptionalLong maxPriceCents = OptionalLong.empty();
    private Optional<Instant> createdAfter = Optional.empty();
    private boolean inStockOnly;
    private Order order = Order.RELEVANCE;
    private final int limit;

    private Builder(int limit) {
      this.limit = limit;
    }

    public Builder text(String text) {
      this.text = Optional.ofNullable(text);
      return this;
    }

    public Builder rule(MatchRule rule, float weight) {
      rules.add(new WeightedRule(rule, weight));
      return this;
    }

    public Builder categoryPrefixes(List<String> prefixes) {
      this.categoryPrefixes = prefixes;
      return this;
    }

    public Builder priceRange(OptionalLong minCents, OptionalLong maxCents) {
      this.minPriceCents = minCents;
      this.maxPriceCents = maxCents;
      return this;
    }

    public Builder createdAfter(Instant instant) {
      this.createdAfter = Optional.of(instant);
      return this;
    }

    public Builder inStockOnly() {
      this.inStockOnly = true;
      return this;
    }

    public Builder order(Order order) {
      this.order = order;
      return this;
    }

    public CatalogQuery build() {
      return new CatalogQuery(
          text,
          rules,
          categoryPrefixes,
          minPriceCents,
          maxPriceCents,
          createdAfter,
          inStockOnly,
          order,
          limit);
    }
  }
}
