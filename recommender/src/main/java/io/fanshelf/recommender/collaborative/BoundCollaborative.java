package io.fanshelf.recommender.collaborative;

import io.fanshelf.recommender.catalog.CatalogSnapshot;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@link Collaborative} models tied to one catalog snapshot: for each model, the catalog ordinal of
 * each of its rows and the row of each ordinal (-1 where one side does not know the product), so
 * that requests translate without looking product ids up. Rebuilt when the models or the catalog
 * change. Immutable and thread-safe.
 */
public final class BoundCollaborative {
  public static final BoundCollaborative NONE =
      new BoundCollaborative(Collaborative.NONE, null, null, null, null);

  private final Collaborative models;
  private final CatalogSnapshot catalog;
  private final Binding factors;
  private final Binding items;
  private final Binding fans;

  /** Rows to ordinals and back, for one model. */
  public record Binding(int[] ordinalOfRow, int[] rowOfOrdinal) {
    static Binding of(ItemIndex index, CatalogSnapshot catalog) {
      int[] ordinalOfRow = new int[index.size()];
      int[] rowOfOrdinal = new int[catalog.size()];
      Arrays.fill(rowOfOrdinal, -1);
      for (int row = 0; row < index.size(); row++) {
        OptionalInt ordinal = catalog.ordinal(index.id(row));
        ordinalOfRow[row] = ordinal.orElse(-1);
        if (ordinal.isPresent()) {
          rowOfOrdinal[ordinal.getAsInt()] = row;
        }
      }
      return new Binding(ordinalOfRow, rowOfOrdinal);
    }

    public int ordinal(int row) {
      return ordinalOfRow[row];
    }

    public int row(int ordinal) {
      return ordinal < rowOfOrdinal.length ? rowOfOrdinal[ordinal] : -1;
    }
  }

  private BoundCollaborative(
      Collaborative models, CatalogSnapshot catalog, Binding factors, Binding items, Binding fans) {
    this.models = models;
    this.catalog = catalog;
    this.factors = factors;
    this.items = items;
    this.fans = fans;
  }

  public static BoundCollaborative bind(Collaborative models, CatalogSnapshot catalog) {
    Objects.requireNonNull(catalog, "catalog");
    return new BoundCollaborative(
        models,
        catalog,
        models.factors().map(m -> Binding.of(m.items(), catalog)).orElse(null),
        models.items().map(m -> Binding.of(m.items(), catalog)).orElse(null),
        models.fans().map(m -> Binding.of(m.items(), catalog)).orElse(null));
  }

  /** Whether this binds exactly these models to exactly this catalog. */
  public boolean binds(Collaborative other, CatalogSnapshot otherCatalog) {
    return models == other && catalog == otherCatalog;
  }

  public Collaborative models() {
    return models;
  }

  /** The binding of the factor model; null without one. */
  public Binding factors() {
    return factors;
  }

  public Binding items() {
    return items;
  }

  public Binding fans() {
    return fans;
  }
}
