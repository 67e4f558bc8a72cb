package io.fanshelf.recommender;

import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.store.CatalogReader;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import io.fanshelf.recommender.catalog.AggregateKeys;
import io.fanshelf.recommender.catalog.CatalogSnapshot;
import io.fanshelf.recommender.catalog.CategoryLeaders;
import java.util.Objects;

/**
 * The platform-wide data a recommendation reads besides the fan: catalog (in memory and
 * searchable), aggregates of the event log, the taxonomy and the feedback policy. Serving swaps in
 * a new instance when the catalog or taxonomy changes; training builds one from the events before
 * its cutoff. Immutable holder; the parts are thread-safe.
 *
 * @param catalog every product in memory
 * @param search the catalog store, for label-match, text and new-arrival queries
 * @param aggregates popularity, co-occurrence, affinities and label lifts
 * @param leaders the popular products of each category
 * @param taxonomy the current taxonomy (labels' match rules and visibility)
 * @param feedback which events are positive
 * @param keys the aggregates' key of each catalog product (derived from the two)
 */
public record Signals(
    CatalogSnapshot catalog,
    CatalogReader search,
    EventAggregates aggregates,
    CategoryLeaders leaders,
    Taxonomy taxonomy,
    FeedbackPolicy feedback,
    AggregateKeys keys) {
  public Signals {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(aggregates, "aggregates");
    Objects.requireNonNull(leaders, "leaders");
    Objects.requireNonNull(taxonomy, "taxonomy");
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(keys, "keys");
  }

  public Signals(
      CatalogSnapshot catalog,
      CatalogReader search,
      EventAggregates aggregates,
      CategoryLeaders leaders,
      Taxonomy taxonomy,
      FeedbackPolicy feedback) {
    this(
        catalog,
        search,
        aggregates,
        leaders,
        taxonomy,
        feedback,
        new AggregateKeys(catalog, aggregates));
  }
}
