package io.fanshelf.recommender.collaborative;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The collaborative models one ranking uses, each optional: a factor model (implicit ALS), an
 * item-to-item model (the best of EASE, RP3beta and item-kNN) and a fan-to-fan model. Immutable.
 */
public record Collaborative(
    Optional<FactorModel> factors,
    Optional<ItemNeighbourModel> items,
    Optional<FanNeighbourModel> fans) {
  public static final Collaborative NONE =
      new Collaborative(Optional.empty(), Optional.empty(), Optional.empty());

  /** The models present, in the order factors, items, fans. */
  public List<CollaborativeModel> models() {
    List<CollaborativeModel> models = new ArrayList<>(3);
    factors.ifPresent(models::add);
    items.ifPresent(models::add);
    fans.ifPresent(models::add);
    return models;
  }

  /** The same with one model put in its slot (by its type). */
  public Collaborative with(CollaborativeModel model) {
    return switch (model) {
      case FactorModel f -> new Collaborative(Optional.of(f), items, fans);
      case ItemNeighbourModel i -> new Collaborative(factors, Optional.of(i), fans);
      case FanNeighbourModel u -> new Collaborative(factors, items, Optional.of(u));
    };
  }

  /** Only {@code model}. */
  public static Collaborative of(CollaborativeModel model) {
    return NONE.with(model);
  }
}
