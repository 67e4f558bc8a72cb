package io.fanshelf.recommender.rules;

import io.fanshelf.indexer.model.ProductId;
import java.util.List;
import java.util.Set;

/**
 * An owner's hand-made choices.
 *
 * @param pins products always shown first, in this order (if in stock and sellable)
 * @param blocks products never shown
 */
public record Curation(List<ProductId> pins, Set<ProductId> blocks) {
  public Curation {
    pins = List.copyOf(pins);
    blocks = Set.copyOf(blocks);
  }

  public static Curation none() {
    return new Curation(List.of(), Set.of());
  }
}
