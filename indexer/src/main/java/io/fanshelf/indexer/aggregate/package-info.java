/**
 * The aggregates derived from the event log: time-decayed item popularity (globally and among one
 * owner's fans) and trend, item-to-item co-occurrence, fan category/brand/price affinities, and
 * label value x category lift, all in one thread-safe in-memory {@link
 * io.fanshelf.indexer.aggregate.EventAggregates}.
 *
 * <p>It depends only on the model and the store interfaces, so the Lucene and Elasticsearch
 * backends share it; it is updated as new events arrive, can be rebuilt from the log at any time,
 * is written to and read back from a checksummed snapshot file (SnapshotOutput, SnapshotInput: a
 * format of its own, no Java serialization), and serves the recommender's hot path and training
 * alike. Everything but the public front door and its result records is package-private; formulas
 * are documented in docs/aggregates.md.
 */
package io.fanshelf.indexer.aggregate;
