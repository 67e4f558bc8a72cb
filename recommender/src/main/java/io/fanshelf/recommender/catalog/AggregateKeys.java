package io.fanshelf.recommender.catalog;

import io.fanshelf.indexer.aggregate.EventAggregates;
import java.util.OptionalInt;

/**
 * The aggregates' key ({@link EventAggregates#productKey}) of each catalog product, by ordinal, and
 * the ordinal of each key, looked up once and remembered: features and candidate sources read the
 * aggregates for hundreds of products per request, and on a large catalog the id lookup behind a
 * key or an ordinal costs more than the rest of the read. A product no event has named yet is
 * looked up again each time, so its first events count at once; so is a key handed out after this
 * instance was made. Thread-safe: two threads that race on an entry store the same value.
 */
public final class AggregateKeys {
  // In ordinalsPlusOne: the key's product is not in this catalog snapshot (and never will be).
  private static final int NOT_IN_CATALOG = -1;

  private final CatalogSnapshot catalog;
  private final EventAggregates aggregates;
  // key + 1, so that the array's initial 0 means "not looked up yet"
  private final int[] keysPlusOne;
  // ordinal + 1 by key, or NOT_IN_CATALOG; 0 means "not looked up yet"
  private final int[] ordinalsPlusOne;

  public AggregateKeys(CatalogSnapshot catalog, EventAggregates aggregates) {
    this.catalog = catalog;
    this.aggregates = aggregates;
    this.keysPlusOne = new int[catalog.size()];
    this.ordinalsPlusOne = new int[aggregates.productKeys()];
  }

  /**
   * Whether these keys may serve another period unchanged: made for this catalog snapshot and these
   * aggregates, and no key handed out since (whose ordinal would be looked up on every use).
   */
  public boolean stillCovers(CatalogSnapshot catalog, EventAggregates aggregates) {
    return this.catalog == catalog
        && this.aggregates == aggregates
        && ordinalsPlusOne.length == aggregates.productKeys();
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

  /** The catalog ordinal of the product with aggregate key {@code key}, or -1 when not there. */
  public int ordinal(int key) {
    int remembered = key < ordinalsPlusOne.length ? ordinalsPlusOne[key] : 0;
    if (remembered == 0) {
      OptionalInt found = catalog.ordinal(aggregates.productId(key));
      remembered = found.isPresent() ? found.getAsInt() + 1 : NOT_IN_CATALOG;
      if (key < ordinalsPlusOne.length) {
        ordinalsPlusOne[key] = remembered;
      }
    }
    return remembered > 0 ? remembered - 1 : -1;
  }
}
