/**
 * The embedded default backend: one Lucene index per store under the data directory, plus small
 * JSON files for the taxonomy and owners.
 *
 * <p>Every write batch runs under the index's write lock, is committed (fsync) before the method
 * returns, and refreshes the searcher so the next read sees it. A failed batch is rolled back to
 * the previous commit, so a crash or error at any point leaves the index as of the last
 * acknowledged write.
 */
package io.fanshelf.indexer.store.lucene;
