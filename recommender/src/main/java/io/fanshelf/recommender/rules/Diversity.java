package io.fanshelf.recommender.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Keeps the top of a ranked list varied: within the first {@code window} positions at most {@code
 * maxPerCategory} items of one category; items that would exceed it move down, keeping their order,
 * behind the window. Stateless.
 */
public final class Diversity {
  private Diversity() {}

  public static <T> List<T> apply(
      List<T> ranked, ToIntFunction<T> category, int maxPerCategory, int window) {
    if (maxPerCategory == 0) {
      return ranked;
    }
    List<T> top = new ArrayList<>();
    List<T> deferred = new ArrayList<>();
    Map<Integer, Integer> counts = new HashMap<>();
    for (T item : ranked) {
      if (top.size() >= window) {
        deferred.add(item);
        continue;
      }
      int c = category.applyAsInt(item);
      int count = counts.getOrDefault(c, 0);
      if (count < maxPerCategory) {
        counts.put(c, count + 1);
        top.add(item);
      } else {
        deferred.add(item);
      }
    }
    top.addAll(deferred);
    return top;
  }
}
