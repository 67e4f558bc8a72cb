package io.fanshelf.training.collaborative;

import static io.fanshelf.training.collaborative.CollaborativeOptions.integer;
import static io.fanshelf.training.collaborative.CollaborativeOptions.number;
import static io.fanshelf.training.collaborative.CollaborativeOptions.require;

import io.fanshelf.recommender.collaborative.ItemNeighbourModel;
import java.util.Map;

/**
 * EASE (Steck 2019): the closed-form item-to-item weights {@code B = I - P diag(1/diag(P))}, {@code
 * P = (X^T X + regularization I)^-1}, with a zero diagonal.
 *
 * <p>The Gram matrix is dense: {@code maxItems^2} doubles, and the inverse another as many. The
 * default of 4,000 products takes 2 x 128 MB; 20,000 would take 2 x 3.2 GB and several minutes.
 * Beyond {@code maxItems} only the most popular products are modelled (the others are left to
 * item-kNN, RP3beta and ALS). Serving keeps the {@code neighbours} largest weights (by magnitude)
 * of each product.
 *
 * @param regularization the L2 penalty lambda, > 0 (Steck used 100 to 1000 on large sets)
 * @param maxItems at most this many products (the most engaged with), 2 to 20,000
 * @param neighbours weights kept per product for serving, 1 to 2,000
 */
public record EaseOptions(double regularization, int maxItems, int neighbours)
    implements CollaborativeOptions {
  public static final String ALGORITHM = "ease";
  public static final int MAX_ITEMS = 20_000;

  public EaseOptions {
    require(regularization > 0, "regularization", "> 0", regularization);
    require(maxItems >= 2 && maxItems <= MAX_ITEMS, "maxItems", "between 2 and 20000", maxItems);
    require(neighbours >= 1 && neighbours <= 2_000, "neighbours", "between 1 and 2000", neighbours);
  }

  public static EaseOptions defaults() {
    return new EaseOptions(200, 4_000, 200);
  }

  public EaseOptions withRegularization(double value) {
    return new EaseOptions(value, maxItems, neighbours);
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  static EaseOptions of(Map<String, ?> values) {
    return new EaseOptions(
        number(values, "regularization"),
        integer(values, "maxItems"),
        integer(values, "neighbours"));
  }

  @Override
  public ItemNeighbourModel fit(Interactions data) {
    return Ease.fit(data, this);
  }
}
