package io.fanshelf.indexer.taxonomy;

import io.fanshelf.indexer.model.Product;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a taxonomy value recognises the products that suit it. The store turns a rule into a query;
 * {@link #matches(Product)} is the same rule evaluated on one product, and the two must agree.
 */
public sealed interface MatchRule
    permits MatchRule.Attribute,
        MatchRule.Tag,
        MatchRule.Category,
        MatchRule.PriceBand,
        MatchRule.AnyOf {

  boolean matches(Product product);

  /** The product attribute {@code name} has {@code value} among its values. */
  record Attribute(String name, String value) implements MatchRule {
    public Attribute {
      requireText("attribute", name);
      requireText("value", value);
    }

    @Override
    public boolean matches(Product product) {
      return product.attributes().getOrDefault(name, List.of()).contains(value);
    }
  }

  /** The product carries the tag. */
  record Tag(String tag) implements MatchRule {
    public Tag {
      requireText("tag", tag);
    }

    @Override
    public boolean matches(Product product) {
      return product.tags().contains(tag);
    }
  }

  /** The product's category path starts with the prefix (levels joined with {@code >}). */
  record Category(String prefix) implements MatchRule {
    public Category {
      requireText("category", prefix);
    }

    @Override
    public boolean matches(Product product) {
      return product.inCategory(prefix);
    }
  }

  /** The price lies in [min, max) cents; either bound may be open. */
  record PriceBand(OptionalLong minCents, OptionalLong maxCents) implements MatchRule {
    public PriceBand {
      Objects.requireNonNull(minCents, "minCents");
      Objects.requireNonNull(maxCents, "maxCents");
      if (minCents.isEmpty() && maxCents.isEmpty()) {
        throw new IllegalArgumentException("a price band needs min, max or both");
      }
      if (minCents.isPresent()
          && maxCents.isPresent()
          && minCents.getAsLong() >= maxCents.getAsLong()) {
        throw new IllegalArgumentException(
            "price band min must be below max, got "
                + minCents.getAsLong()
                + " >= "
                + maxCents.getAsLong());
      }
    }

    @Override
    public boolean matches(Product product) {
      long price = product.priceCents();
      return (minCents.isEmpty() || price >= minCents.getAsLong())
          && (maxCents.isEmpty() || price < maxCents.getAsLong());
    }
  }

  /** Any of the rules matches. */
  record AnyOf(List<MatchRule> rules) implements MatchRule {
    public AnyOf {
      rules = List.copyOf(rules);
      if (rules.isEmpty()) {
        throw new IllegalArgumentException("'any' needs at least one rule");
      }
    }

    @Override
    public boolean matches(Product product) {
      return rules.stream().anyMatch(rule -> rule.matches(product));
    }
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
  }
}
