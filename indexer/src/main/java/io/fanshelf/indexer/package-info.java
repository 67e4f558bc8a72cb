/**
 * The indexer's front door: {@link io.fanshelf.indexer.Indexer} opens a FanShelf data directory,
 * imports files into it, appends events, sets and removes labels, and keeps the derived data
 * current; {@link io.fanshelf.indexer.IndexerOptions} says how. Every write goes through it (the
 * stores it hands out are read-only views), so that writes are checked, serialised and reflected in
 * the in-memory aggregates, which are rebuilt beside the serving instance and swapped in. The
 * command-line tool lives in {@code indexer.cli}.
 */
package io.fanshelf.indexer;
