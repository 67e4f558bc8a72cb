/**
 * The indexer's front door: {@link io.fanshelf.indexer.Indexer} opens a FanShelf data directory,
 * imports files into it and keeps the derived data current; {@link
 * io.fanshelf.indexer.IndexerOptions} says how. The command-line tool lives in {@code indexer.cli}.
 */
package io.fanshelf.indexer;
