/**
 * The Elasticsearch backend: the store interfaces on an Elasticsearch cluster, for platforms that
 * outgrow one machine. {@link io.fanshelf.indexer.store.elasticsearch.ElasticsearchBackend} is the
 * front door, opened with validated {@link
 * io.fanshelf.indexer.store.elasticsearch.ElasticsearchOptions}.
 *
 * <p>It keeps the contract of the Lucene backend. Durable: a write returns once the primary and its
 * in-sync replicas acknowledged it (their translogs are fsynced per request by default) and a
 * refresh made it visible. All or nothing: every document is built before anything is sent, and the
 * writes of a batch that partly failed are undone ({@link
 * io.fanshelf.indexer.store.elasticsearch.AllOrNothing}). Chinese text is segmented by FanShelf's
 * own Lucene analyzer in this process, so no analysis plugin is needed on the cluster.
 */
package io.fanshelf.indexer.store.elasticsearch;
