/**
 * Converters from public data sets to FanShelf's import files (docs/data-formats.md), used to build
 * the demo data set. {@link io.fanshelf.indexer.convert.CompleteJourneyConverter} turns the raw
 * CSVs of the Complete Journey study (84.51°, via the completejourney R package) into a grocery
 * taxonomy, owners, catalog, fans, labels and purchase events.
 *
 * <p>Conversion is a batch job over files: it reads raw CSVs with its own strict RFC 4180 reader so
 * that bad input is reported with file, line and column, and writes its outputs only when the whole
 * input has been read without error.
 */
package io.fanshelf.indexer.convert;
