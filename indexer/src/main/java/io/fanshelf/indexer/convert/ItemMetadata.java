package io.fanshelf.indexer.convert;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The item metadata a converter keeps: the rows of items that have interactions, by FanShelf
 * product id. Rows of other items are counted and dropped. Not thread-safe.
 */
final class ItemMetadata {
  private final Function<String, Optional<String>> productId;
  private final Map<String, ItemInfo> byProductId = new HashMap<>();
  private final Set<String> rawIdsSeen = new HashSet<>();
  private long rowsWithoutInteractions;

  /**
   * @param productId the product id of a raw item id with interactions, empty for one without
   */
  ItemMetadata(Function<String, Optional<String>> productId) {
    this.productId = productId;
  }

  /** Adds a row; false (and nothing changes) when the raw id had a row already. */
  boolean add(String rawId, ItemInfo info) {
    if (!rawIdsSeen.add(rawId)) {
      return false;
    }
    Optional<String> id = productId.apply(rawId);
    if (id.isPresent()) {
      byProductId.put(id.get(), info);
    } else {
      rowsWithoutInteractions++;
    }
    return true;
  }

  Optional<ItemInfo> get(String productId) {
    return Optional.ofNullable(byProductId.get(productId));
  }

  /** Products with a metadata row. */
  int size() {
    return byProductId.size();
  }

  long rowsWithoutInteractions() {
    return rowsWithoutInteractions;
  }
}
