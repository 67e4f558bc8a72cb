package io.fanshelf.recommender.outreach;

import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.ProductChange;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What an owner can check behind a reason: when the fan did the thing it rests on, and the numbers.
 *
 * @param at when: the view or cart (back in stock, price drop), the last purchase (repurchase,
 *     regular shop, lapsed), the last shelf open (shelf changed), when the product arrived (new
 *     arrival)
 * @param action the fan's action on the product, for back in stock and price drop
 * @param change the catalog's change, for back in stock and price drop
 * @param intervalDays the fan's usual days between purchases of the product, for repurchase, or
 *     between shops, for regular shop
 * @param purchases how many times the fan bought (the product for repurchase; days with a purchase
 *     of anything for regular shop and lapsed)
 * @param changedShare the share of the shelf's top that is new, for shelf changed
 */
public record Evidence(
    Instant at,
    Optional<EventType> action,
    Optional<ProductChange> change,
    OptionalDouble intervalDays,
    OptionalInt purchases,
    OptionalDouble changedShare) {
  public Evidence {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(intervalDays, "intervalDays");
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(changedShare, "changedShare");
  }

  static Evidence at(Instant at) {
    return new Evidence(
        at,
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalInt.empty(),
        OptionalDouble.empty());
  }
}
