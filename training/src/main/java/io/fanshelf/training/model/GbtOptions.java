package io.fanshelf.training.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient-boosted trees (Smile {@code GradientTreeBoost}, binary logistic loss).
 *
 * @param trees number of trees, 1 to 5,000
 * @param maxDepth maximum depth of a tree, 2 to 64
 * @param maxNodes maximum leaves of a tree, 2 to 1,024
 * @param nodeSize minimum examples in a leaf, 1 to 100,000
 * @param shrinkage learning rate, in (0, 1]
 * @param subsample share of examples each tree sees, in (0, 1]
 * @param seed the random seed (subsampling)
 */
public record GbtOptions(
    int trees,
    int maxDepth,
    int maxNodes,
    int nodeSize,
    double shrinkage,
    double subsample,
    long seed)
    implements ModelOptions {
  public static final String ALGORITHM = "gbt";

  public GbtOptions {
    range("trees", trees, 1, 5_000);
    range("maxDepth", maxDepth, 2, 64);
    range("maxNodes", maxNodes, 2, 1_024);
    range("nodeSize", nodeSize, 1, 100_000);
    if (!(shrinkage > 0 && shrinkage <= 1)) {
      throw new IllegalArgumentException("shrinkage must be in (0, 1], got " + shrinkage);
    }
    if (!(subsample > 0 && subsample <= 1)) {
      throw new IllegalArgumentException("subsample must be in (0, 1], got " + subsample);
    }
  }

  /** 200 trees of at most 16 leaves (depth 6), leaves of at least 20 examples, rate 0.05, 70%. */
  public static GbtOptions defaults(long seed) {
    return new GbtOptions(200, 6, 16, 20, 0.05, 0.7, seed);
  }

  public GbtOptions withTrees(int n) {
    return new GbtOptions(n, maxDepth, maxNodes, nodeSize, shrinkage, subsample, seed);
  }

  public GbtOptions withShape(int depth, int nodes) {
    return new GbtOptions(trees, depth, nodes, nodeSize, shrinkage, subsample, seed);
  }

  public GbtOptions withShrinkage(double rate) {
    return new GbtOptions(trees, maxDepth, maxNodes, nodeSize, rate, subsample, seed);
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public Map<String, Object> hyperParameters() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("trees", trees);
    map.put("maxDepth", maxDepth);
    map.put("maxNodes", maxNodes);
    map.put("nodeSize", nodeSize);
    map.put("shrinkage", shrinkage);
    map.put("subsample", subsample);
    map.put("seed", seed);
    return map;
  }

  static GbtOptions of(Map<String, ?> v) {
    return new GbtOptions(
        ModelOptions.number(v, "trees").intValue(),
        ModelOptions.number(v, "maxDepth").intValue(),
        ModelOptions.number(v, "maxNodes").intValue(),
        ModelOptions.number(v, "nodeSize").intValue(),
        ModelOptions.number(v, "shrinkage").doubleValue(),
        ModelOptions.number(v, "subsample").doubleValue(),
        ModelOptions.number(v, "seed").longValue());
  }

  private static void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
  }
}
