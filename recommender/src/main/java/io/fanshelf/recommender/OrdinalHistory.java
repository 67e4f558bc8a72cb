package io.fanshelf.recommender;

import java.util.BitSet;
import java.util.Map;

/**
 * The fan's history per catalog ordinal ({@link FanContext#productHistory}), as features and rules
 * read it for every candidate. Most candidates are products the fan never touched: a bit answers
 * those without boxing the ordinal for a hash lookup. Immutable.
 */
public final class OrdinalHistory {
  public static final OrdinalHistory EMPTY = new OrdinalHistory(Map.of());

  private final BitSet touched = new BitSet();
  private final Map<Integer, FanContext.ProductHistory> byOrdinal;

  private OrdinalHistory(Map<Integer, FanContext.ProductHistory> byOrdinal) {
    this.byOrdinal = Map.copyOf(byOrdinal);
    byOrdinal.keySet().forEach(touched::set);
  }

  public static OrdinalHistory of(Map<Integer, FanContext.ProductHistory> byOrdinal) {
    return byOrdinal.isEmpty() ? EMPTY : new OrdinalHistory(byOrdinal);
  }

  /** What the fan did with the product at {@code ordinal}, or null when nothing. */
  public FanContext.ProductHistory get(int ordinal) {
    return touched.get(ordinal) ? byOrdinal.get(ordinal) : null;
  }
}
