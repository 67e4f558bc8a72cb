package io.fanshelf.training.outreach;

import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Each estimator's top N of an owner's fans at a day, and how many of them buy in the window after
 * it: the ceiling of ranking fans by their history, measured as {@code evaluate-outreach} measures
 * the served list. Immutable and thread-safe.
 */
public final class OutreachCeiling {
  private final Purchases purchases;
  private final List<FanEstimator> estimators;
  private final int size;
  private final int window;

  /**
   * @param size fans per list
   * @param window days after the day counted
   */
  public OutreachCeiling(Purchases purchases, List<FanEstimator> estimators, int size, int window) {
    if (size < 1 || window < 1) {
      throw new IllegalArgumentException(
          "expected a size and window of at least 1, got " + size + " and " + window);
    }
    this.purchases = purchases;
    this.estimators = List.copyOf(estimators);
    this.size = size;
    this.window = window;
  }

  /** The estimators, in the order of {@link #buyersOfTop}. */
  public List<FanEstimator> estimators() {
    return estimators;
  }

  /** The estimator's top fans (highest score first, ties by fan id), at most the list size. */
  public List<FanId> top(FanEstimator estimator, List<Fan> fans, long day) {
    double[] scores = estimator.score(fans, day, window, purchases);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < fans.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> fans.get(i).id()));
    return order.stream().limit(size).map(i -> fans.get(i).id()).toList();
  }

  /** How many of the fans buy in the window from the day. */
  public int buyers(List<FanId> fans, long day) {
    int bought = 0;
    for (FanId fan : fans) {
      if (purchases.bought(fan, day, window)) {
        bought++;
      }
    }
    return bought;
  }

  /** For each estimator, in order, how many of its top fans buy in the window from the day. */
  public int[] buyersOfTop(List<Fan> fans, long day) {
    int[] bought = new int[estimators.size()];
    for (int e = 0; e < bought.length; e++) {
      bought[e] = buyers(top(estimators.get(e), fans, day), day);
    }
    return bought;
  }
}
