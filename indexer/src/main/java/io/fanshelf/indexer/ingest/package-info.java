/**
 * Reading and validating input files (CSV, JSONL, JSON/YAML taxonomy, optionally gzipped) and
 * applying them to a store as all-or-nothing batches.
 *
 * <p>Validation always runs over every file of an import before anything is written; each problem
 * names the file, line, field, what was expected and what came. {@link Importer} is the entry
 * point; the row mappers turn one row into one validated record.
 */
package io.fanshelf.indexer.ingest;
