package io.fanshelf.recommender.outreach;

import io.fanshelf.indexer.model.Product;
import java.util.Objects;

/**
 * One of the owner's chat groups, seen through the day's list: where a post reaches the most of
 * what the list is worth.
 *
 * @param name the group, as the owner imported it with the fans
 * @param listedFans how many fans on the day's list are in it
 * @param expectedCommissionCents the sum of their picks' expected commission: the groups' order
 * @param product the product that the most of that sum rests on: what a post in the group is about
 */
public record OutreachGroup(
    String name, int listedFans, double expectedCommissionCents, Product product) {
  public OutreachGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(product, "product");
    if (listedFans < 1) {
      throw new IllegalArgumentException("listedFans must be at least 1, got " + listedFans);
    }
  }
}
