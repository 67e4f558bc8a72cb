package io.fanshelf.training.model;

import java.util.Map;

/**
 * LambdaMART (Burges 2010): boosted regression trees fitted to the lambda gradients of NDCG.
 *
 * @param trees boosting rounds, 0 (the base ranking alone) to 5,000
 * @param maxLeaves leaves per tree, 2 to 1,024
 * @param minLeafSize examples a leaf needs, >= 1
 * @param shrinkage learning rate, in (0, 1]
 * @param subsample share of examples each tree sees, in (0, 1]
 * @param cutoff NDCG@cutoff is what the lambdas push up (pairs below it in both ranks count 0)
 * @param seed the subsampling seed
 */
public record LambdaMartOptions(
    int trees,
    int maxLeaves,
    int minLeafSize,
    double shrinkage,
    double subsample,
    int cutoff,
    long seed)
    implements ModelOptions {
  public static final String ALGORITHM = "lambdamart";

  public LambdaMartOptions {
    if (trees < 0 || trees > 5_000) {
      throw new IllegalArgumentException("trees must be between 0 and 5000, got " + trees);
    }
    if (maxLeaves < 2 || maxLeaves > 1_024) {
      throw new IllegalArgumentException("maxLeaves must be between 2 and 1024, got " + maxLeaves);
    }
    if (minLeafSize < 1) {
      throw new IllegalArgumentException("minLeafSize must be >= 1, got " + minLeafSize);
    }
    if (!(shrinkage > 0 && shrinkage <= 1)) {
      throw new IllegalArgumentException("shrinkage must be in (0, 1], got " + shrinkage);
    }
    if (!(subsample > 0 && subsample <= 1)) {
      throw new IllegalArgumentException("subsample must be in (0, 1], got " + subsample);
    }
    if (cutoff < 1 || cutoff > 1_000) {
      throw new IllegalArgumentException("cutoff must be between 1 and 1000, got " + cutoff);
    }
  }

  /** 200 trees of 16 leaves at 0.1, NDCG@10: the start of the tuned grid. */
  public static LambdaMartOptions defaults(long seed) {
    return new LambdaMartOptions(200, 16, 50, 0.1, 0.8, 10, seed);
  }

  public LambdaMartOptions withTrees(int value) {
    return new LambdaMartOptions(value, maxLeaves, minLeafSize, shrinkage, subsample, cutoff, seed);
  }

  public LambdaMartOptions withLeaves(int value) {
    return new LambdaMartOptions(trees, value, minLeafSize, shrinkage, subsample, cutoff, seed);
  }

  public LambdaMartOptions withMinLeafSize(int value) {
    return new LambdaMartOptions(trees, maxLeaves, value, shrinkage, subsample, cutoff, seed);
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  static LambdaMartOptions of(Map<String, ?> values) {
    return new LambdaMartOptions(
        ModelOptions.number(values, "trees").intValue(),
        ModelOptions.number(values, "maxLeaves").intValue(),
        ModelOptions.number(values, "minLeafSize").intValue(),
        ModelOptions.number(values, "shrinkage").doubleValue(),
        ModelOptions.number(values, "subsample").doubleValue(),
        ModelOptions.number(values, "cutoff").intValue(),
        ModelOptions.number(values, "seed").longValue());
  }
}
