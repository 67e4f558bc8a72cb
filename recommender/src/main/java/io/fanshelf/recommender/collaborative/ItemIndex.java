package io.fanshelf.recommender.collaborative;

import io.fanshelf.indexer.model.ProductId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The products a collaborative model knows, in the model's row order, and the per-row arrays that
 * requests sum its scores in. Immutable apart from that pool; thread-safe.
 */
public final class ItemIndex {
  private final List<ProductId> ids;
  private final Map<ProductId, Integer> rows;
  private final RowArrays scratch;

  public ItemIndex(List<ProductId> ids) {
    this.ids = List.copyOf(ids);
    this.rows = new HashMap<>(ids.size() * 2);
    for (int row = 0; row < this.ids.size(); row++) {
      if (rows.put(this.ids.get(row), row) != null) {
        throw new IllegalArgumentException("product " + this.ids.get(row) + " is listed twice");
      }
    }
    this.scratch = new RowArrays(this.ids.size());
  }

  /** Zeroed arrays of one slot per row, for one request's sums. */
  public RowArrays scratch() {
    return scratch;
  }

  public int size() {
    return ids.size();
  }

  public ProductId id(int row) {
    return ids.get(row);
  }

  /** The row of a product, -1 when the model does not know it. */
  public int row(ProductId id) {
    Integer row = rows.get(id);
    return row == null ? -1 : row;
  }

  public List<ProductId> ids() {
    return ids;
  }
}
