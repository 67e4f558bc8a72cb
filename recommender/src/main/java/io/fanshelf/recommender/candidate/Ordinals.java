package io.fanshelf.recommender.candidate;

import io.fanshelf.indexer.aggregate.KeyedScores;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.ScoredProduct;
import io.fanshelf.recommender.catalog.AggregateKeys;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import java.util.List;
import java.util.OptionalInt;

/**
 * Adds store hits and aggregate lists to a sink by ordinal, skipping products the snapshot does not
 * have yet.
 */
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

  /** Adds an aggregates list by key ({@link AggregateKeys}), without resolving product ids. */
  static void addKeyed(AggregateKeys keys, KeyedScores scored, Candidates.Sink sink) {
    for (int i = 0; i < scored.size(); i++) {
      int ordinal = keys.ordinal(scored.key(i));
      if (ordinal >= 0) {
        sink.add(ordinal, (float) scored.score(i));
      }
    }
  }
}
