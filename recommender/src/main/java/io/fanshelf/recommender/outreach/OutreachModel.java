package io.fanshelf.recommender.outreach;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How a plan's probabilities were made: a logistic fit on the owner's own fans over the weeks
 * before the day ({@link PurchaseModel}), or the judgement-set lifts when there was too little to
 * fit.
 *
 * @param fitted whether the probabilities come from the fit
 * @param rows fan-weeks the fit was offered (each fan once per validation window)
 * @param buyers of them, those with a purchase in the week after the window's start
 * @param weights the fitted weight of each feature by name, in the fit's column order (empty when
 *     not fitted)
 * @param judged the reasons whose probability is the fitted chance of the fan's history times the
 *     reason's judgement-set lift, because the fit cannot see them (every reason when not fitted)
 * @param fitTime how long the fit itself took (not the features: they are read with the fans)
 */
public record OutreachModel(
    boolean fitted,
    int rows,
    int buyers,
    Map<String, Double> weights,
    Set<OutreachReason> judged,
    Duration fitTime) {
  public OutreachModel {
    weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
    judged = Set.copyOf(judged);
  }
}
