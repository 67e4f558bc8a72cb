package io.fanshelf.recommender.catalog;

import io.fanshelf.indexer.aggregate.EventAggregates;

/**
 * The aggregates' key ({@link EventAggregates#productKey}) of each catalog product, by ordinal,
 * looked up once and remembered: features read the aggregates for every candidate, and on a large
 * catalog the id lookup behind a key costs more than the rest of the read. A product no event has
 * named yet is looked up again each time, so its first events count at once. Thread-safe: two
 * threads that race on an entry store the same key.
 */
public final class AggregateKeys {
  private final CatalogSnapshot catalog;
  private final EventAggregates aggregates;
  // key + 1, so that the array's initial 0 means "not looked up yet"
  private final int[] keysPlusOne;

  public AggregateKeys(CatalogSnapshot catalog, EventAggregates aggregates) {
    this.catalog = catalog;
    this.aggregates = aggregates;
    this.keysPlusOne = new int[catalog.size()];
  }

  /** The key of the product at {@code ordinal}, or -1 when the aggregates have not seen it. */
  public int key(int ordinal) {
    int remembered = keysPlusOne[ordinal];
    if (remembered > 0) {
      return remembered - 1;
    }
    int key = aggregates.productKey(catalog.product(ordinal).id());
    if (key >= 0) {
      keysPlusOne[ordinal] = key + 1;
    }
    return key;
  }
}
