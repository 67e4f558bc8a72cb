package io.fanshelf.indexer.aggregate;

import java.util.Objects;

/**
 * How much more (or less) fans labelled with one value engage with a category than the fans
 * labelled in the same dimension as a whole, with the support behind the number.
 *
 * <p>Over the positive events of fans with a label in {@code dimension} (by any owner; each event
 * counts once per dimension and once per distinct value), with W the summed event weight:
 *
 * <pre>
 * P(c)     = W(dimension, c) / W(dimension)
 * P(c | v) = (W(v, c) + prior * P(c)) / (W(v) + prior)
 * lift     = P(c | v) / P(c)
 * </pre>
 *
 * The prior ({@link AggregateOptions#liftPrior()}) pulls a value with little data toward lift 1: it
 * acts as {@code prior} weight of pseudo-events spread like the dimension as a whole. When no
 * labelled fan of the dimension engaged with the category at all, lift is 1 (no evidence either
 * way). Weights are not decayed; labels are those the fan had when each event was added.
 *
 * @param dimension the label dimension, e.g. skin_type
 * @param value the label value, e.g. oily
 * @param categoryKey a category key at any level, e.g. 美妆>护肤
 * @param lift the smoothed lift, 1 meaning no difference
 * @param valueCategoryWeight W(v, c)
 * @param valueWeight W(v)
 * @param dimensionCategoryWeight W(dimension, c)
 * @param dimensionWeight W(dimension)
 * @param valueCategoryEvents how many positive events W(v, c) sums
 * @param valueEvents how many positive events W(v) sums
 */
public record LabelLift(
    String dimension,
    String value,
    String categoryKey,
    double lift,
    double valueCategoryWeight,
    double valueWeight,
    double dimensionCategoryWeight,
    double dimensionWeight,
    long valueCategoryEvents,
    long valueEvents) {

  public LabelLift {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(categoryKey, "categoryKey");
  }

  /** Lift from the weights, as documented above; 1 when the dimension never saw the category. */
  static double compute(
      double valueCategoryWeight,
      double valueWeight,
      double dimensionCategoryWeight,
      double dimensionWeight,
      double prior) {
    if (!(dimensionCategoryWeight > 0 && dimensionWeight > 0)) {
      return 1;
    }
    double base = dimensionCategoryWeight / dimensionWeight;
    if (valueWeight + prior <= 0) {
      return 1;
    }
    double conditional = (valueCategoryWeight + prior * base) / (valueWeight + prior);
    return conditional / base;
  }
}
