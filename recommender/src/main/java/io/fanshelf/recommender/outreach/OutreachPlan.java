package io.fanshelf.recommender.outreach;

import java.time.Instant;
import java.util.List;

/**
 * The day's list for one owner, and how the other fans were left out.
 *
 * @param at the moment it was drawn for
 * @param picks best first, at most the budget
 * @param fans the owner's fans looked at
 * @param optedOut fans the owner marked as not to be messaged
 * @param capped fans messaged within the cap's days
 * @param withoutReason fans with no reason today
 * @param overBudget fans with a reason who did not fit the budget
 * @param groups the owner's groups with a listed fan in them, the most valuable first
 * @param model how the probabilities were made: fitted on the owner's fans, or judgement-set
 */
public record OutreachPlan(
    Instant at,
    List<OutreachPick> picks,
    int fans,
    int optedOut,
    int capped,
    int withoutReason,
    int overBudget,
    List<OutreachGroup> groups,
    OutreachModel model) {
  public OutreachPlan {
    picks = List.copyOf(picks);
    groups = List.copyOf(groups);
  }
}
