package io.fanshelf.training.dataset;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One fan on one side of a split: when their shelf is ranked, what they engaged with afterwards
 * (the labels), what they had already interacted with (excluded unless repeats are allowed), and
 * which products they were shown without engaging.
 *
 * @param fan the fan
 * @param owner whose shelf is ranked (the fan's first owner by id)
 * @param now the moment the shelf is ranked: features see only known events before it
 * @param relevant products of positive events in the label window, minus {@code seen} unless
 *     repeats are allowed; never empty
 * @param seen products of the fan's known events before {@code now} (impressions left out)
 * @param impressed products shown to the fan in the label window that are not relevant
 * @param trainingEvents the fan's positive known events (by the target policy): slices cold, light
 *     and warm
 * @param labelled whether the owner had labelled the fan before {@code now}
 * @param cut whether the cold-start protocol cut the fan's history to its first events
 */
public record FanCase(
    FanId fan,
    OwnerId owner,
    Instant now,
    Set<ProductId> relevant,
    Set<ProductId> seen,
    Set<ProductId> impressed,
    int trainingEvents,
    boolean labelled,
    boolean cut) {
  public FanCase {
    Objects.requireNonNull(fan, "fan");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    relevant = Set.copyOf(relevant);
    seen = Set.copyOf(seen);
    impressed = Set.copyOf(impressed);
    if (relevant.isEmpty()) {
      throw new IllegalArgumentException("fan " + fan + " has no relevant product");
    }
  }
}
