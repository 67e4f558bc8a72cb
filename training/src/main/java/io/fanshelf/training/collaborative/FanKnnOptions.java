package io.fanshelf.training.collaborative;

import static io.fanshelf.training.collaborative.CollaborativeOptions.integer;
import static io.fanshelf.training.collaborative.CollaborativeOptions.number;
import static io.fanshelf.training.collaborative.CollaborativeOptions.require;

import io.fanshelf.recommender.collaborative.FanNeighbourModel;
import java.util.Map;

/**
 * Fan-based kNN ({@link FanNeighbourModel}) over each fan's most recent products.
 *
 * @param neighbours how many most similar fans vote, 1 to 2,000
 * @param shrinkage added to the cosine's denominator, >= 0
 * @param recentItems each fan's latest products kept (recent co-interactions), 1 to 10,000
 * @param fansPerItem fans of one product read per request, 1 to 100,000
 */
public record FanKnnOptions(int neighbours, double shrinkage, int recentItems, int fansPerItem)
    implements CollaborativeOptions {
  public static final String ALGORITHM = FanNeighbourModel.ALGORITHM;

  public FanKnnOptions {
    require(neighbours >= 1 && neighbours <= 2_000, "neighbours", "between 1 and 2000", neighbours);
    require(shrinkage >= 0, "shrinkage", ">= 0", shrinkage);
    require(
        recentItems >= 1 && recentItems <= 10_000,
        "recentItems",
        "between 1 and 10000",
        recentItems);
    require(
        fansPerItem >= 1 && fansPerItem <= 100_000,
        "fansPerItem",
        "between 1 and 100000",
        fansPerItem);
  }

  public static FanKnnOptions defaults() {
    return new FanKnnOptions(100, 10, 200, 2_000);
  }

  public FanKnnOptions with(int newNeighbours, double newShrinkage) {
    return new FanKnnOptions(newNeighbours, newShrinkage, recentItems, fansPerItem);
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  static FanKnnOptions of(Map<String, ?> values) {
    return new FanKnnOptions(
        integer(values, "neighbours"),
        number(values, "shrinkage"),
        integer(values, "recentItems"),
        integer(values, "fansPerItem"));
  }

  @Override
  public FanNeighbourModel fit(Interactions data) {
    return FanKnn.fit(data, this);
  }
}
