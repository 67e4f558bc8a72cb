package io.fanshelf.recommender.outreach;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the daily outreach list is drawn. Every value is checked here, naming the one that is wrong.
 *
 * @param capDays a fan is listed at most once in this many days (after a message marked sent)
 * @param budget at most this many fans a day
 * @param lookbackDays a price or stock change, or a new arrival, counts for this many days
 * @param interestDays a view, favourite or cart counts as interest for this many days
 * @param lapsedDays a buyer unseen for this many days has lapsed
 * @param shelfChangedShare the share of the shelf's top that must be new since the last open
 * @param shelfSize how many of the fan's ranked shelf items are looked at
 * @param lifts for each reason, how many times likelier than their own rhythm says a fan messaged
 *     for it buys within 7 days, when the evidence is at its strongest: used where the planner has
 *     too little to fit the probability, and for the reasons its fit cannot see
 *     (docs/evaluation.md)
 */
public record OutreachOptions(
    int capDays,
    int budget,
    int lookbackDays,
    int interestDays,
    int lapsedDays,
    double shelfChangedShare,
    int shelfSize,
    Map<OutreachReason, Double> lifts) {

  public OutreachOptions {
    require("capDays", capDays, 0, 365);
    require("budget", budget, 1, 5_000);
    require("lookbackDays", lookbackDays, 1, 90);
    require("interestDays", interestDays, 1, 365);
    require("lapsedDays", lapsedDays, 1, 365);
    require("shelfSize", shelfSize, 1, 200);
    if (!(shelfChangedShare > 0 && shelfChangedShare <= 1)) {
      throw new IllegalArgumentException(
          "shelfChangedShare must be in (0, 1], got " + shelfChangedShare);
    }
    EnumMap<OutreachReason, Double> rates = new EnumMap<>(OutreachReason.class);
    for (OutreachReason reason : OutreachReason.values()) {
      Double rate = Objects.requireNonNull(lifts, "lifts").get(reason);
      if (rate == null || !(rate > 0 && rate <= 10)) {
        throw new IllegalArgumentException(
            "lifts." + reason.wireName() + " must be in (0, 10], got " + rate);
      }
      rates.put(reason, rate);
    }
    lifts = java.util.Collections.unmodifiableMap(rates);
  }

  private static void require(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  /**
   * A week's cap, 200 messages a day, a week for changes and new arrivals, 90 days of interest, 30
   * days to lapse, half of a 20-item shelf new. The lifts are set by judgement, not fitted: a sign
   * of intent on the very product (a cart back in stock) counts most, a lapsed fan least. The
   * planner fits the probability instead where the owner's fans give enough to fit
   * (docs/evaluation.md).
   */
  public static OutreachOptions defaults() {
    return new OutreachOptions(
        7,
        200,
        7,
        90,
        30,
        0.5,
        20,
        Map.of(
            OutreachReason.BACK_IN_STOCK, 2.0,
            OutreachReason.PRICE_DROP, 1.8,
            OutreachReason.REPURCHASE_DUE, 1.5,
            OutreachReason.REGULAR_SHOP_DUE, 1.3,
            OutreachReason.NEW_ARRIVAL, 1.2,
            OutreachReason.SHELF_CHANGED, 1.2,
            OutreachReason.LAPSED, 0.5));
  }

  public OutreachOptions withCapDays(int days) {
    return new OutreachOptions(
        days, budget, lookbackDays, interestDays, lapsedDays, shelfChangedShare, shelfSize, lifts);
  }

  public OutreachOptions withBudget(int fans) {
    return new OutreachOptions(
        capDays, fans, lookbackDays, interestDays, lapsedDays, shelfChangedShare, shelfSize, lifts);
  }
}
