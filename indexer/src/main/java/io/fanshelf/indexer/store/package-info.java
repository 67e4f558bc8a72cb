/**
 * The storage interfaces every backend implements: catalog, fans and labels, the event log, and
 * platform metadata (taxonomy, owners). Lucene on local disk ({@code store.lucene}) is the embedded
 * default; an Elasticsearch backend implements the same interfaces for platforms that outgrow one
 * machine. Each store interface extends a reader ({@code CatalogReader}, {@code FanReader}, {@code
 * EventReader}, {@code MetadataReader}, together {@code StoreReader}): the indexer writes through
 * the stores, everyone else reads through the readers the indexer hands out.
 *
 * <p>Contract shared by all: a write method returns only after its data is durable, a batch is
 * applied whole or not at all, and a read issued after a write returned sees that write.
 */
package io.fanshelf.indexer.store;
