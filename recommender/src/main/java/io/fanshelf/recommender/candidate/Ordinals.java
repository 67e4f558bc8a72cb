package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.ScoredProduct;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import java.util.List;
import java.util.OptionalInt;

/** Adds store hits to a sink by ordinal, skipping ids the snapshot does not have yet. */
final class Ordinals {
  private Ordinals() {}

  static void addHits(CatalogSnapshot catalog, List<ScoredProduct> hits, Candidates.Sink sink) {
    for (ScoredProduct hit : hits) {
      OptionalInt ord = catalog.ordinal(hit.id());
      if (ord.isPresent()) {
        sink.add(ord.getAsInt(), hit.score());
      }
    }
  }

  static void add(CatalogSnapshot catalog, ProductId id, float score, Candidates.Sink sink) {
    OptionalInt ord = catalog.ordinal(id);
    if (ord.isPresent()) {
      sink.add(ord.getAsInt(), score);
    }
  }
}
