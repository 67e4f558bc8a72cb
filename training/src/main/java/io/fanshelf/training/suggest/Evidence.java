package io.fanshelf.training.suggest;

import java.util.Objects;

/**
 * Why a label is suggested, in terms a person can check on the fan's history: {@code matching} of
 * the fan's {@code of} products (bought, carted or viewed) fall under {@code name}.
 *
 * @param kind what {@code name} is
 * @param name a category path, a brand, an attribute {@code name=value}, or (for {@link Kind#RULE})
 *     the suggested value id whose taxonomy match rule the products meet
 * @param matching products of the fan that have it
 * @param of the products counted: all the fan's products, or for a rule those that match any value
 *     of the dimension
 */
public record Evidence(Kind kind, String name, int matching, int of) {
  public Evidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (matching < 0 || matching > of) {
      throw new IllegalArgumentException(
          "expected 0 <= matching <= of, got " + matching + "/" + of);
    }
  }

  /** What the evidence names. */
  public enum Kind {
    CATEGORY,
    BRAND,
    ATTRIBUTE,
    RULE
  }
}
