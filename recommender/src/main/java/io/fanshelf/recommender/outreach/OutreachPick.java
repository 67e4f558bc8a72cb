package io.fanshelf.recommender.outreach;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Product;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One fan worth a message today, for the best of their reasons.
 *
 * @param fan the fan
 * @param reason why today
 * @param product the product the message is about (the shelf's top item when the reason is the
 *     shelf or the fan rather than one product)
 * @param probability the estimated chance that the fan buys within 7 days of the message
 * @param expectedCommissionCents probability times the product's price times its commission rate:
 *     what the message is worth to the owner, the list's order
 * @param evidence what the owner can check
 * @param sentToday when the owner marked a message to the fan sent on the (UTC) day of the list
 */
public record OutreachPick(
    FanId fan,
    OutreachReason reason,
    Product product,
    double probability,
    double expectedCommissionCents,
    Evidence evidence,
    Optional<Instant> sentToday) {
  public OutreachPick {
    Objects.requireNonNull(fan, "fan");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(sentToday, "sentToday");
  }
}
