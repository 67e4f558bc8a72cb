/**
 * Converters from public data sets to FanShelf's import files (docs/data-formats.md). {@link
 * io.fanshelf.indexer.convert.CompleteJourneyConverter} turns the raw CSVs of the Complete Journey
 * study (84.51°, via the completejourney R package) into the demo data set: a grocery taxonomy,
 * owners, catalog, fans, labels and purchase events. {@link
 * io.fanshelf.indexer.convert.InteractionConverter} turns the common recommender formats
 * (MovieLens, Amazon reviews, any interactions CSV through a column mapping; each a {@code Source})
 * into the same files, with a taxonomy generated from user attributes (docs/datasets.md).
 *
 * <p>Conversion is a batch job over files: it reads raw files with its own strict readers ({@code
 * RawRecords}: quoted CSV, separated lines, JSON lines) so that bad input is reported with file,
 * line and column, and writes its outputs only when the whole input has been read without error.
 */
package io.fanshelf.indexer.convert;
