package io.fanshelf.indexer.cli;

import io.fanshelf.indexer.convert.AmazonSource;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code convert-amazon}: Amazon review data to FanShelf import files (docs/datasets.md). */
@Command(
    name = "convert-amazon",
    description =
        "Convert Amazon review data (5-core JSON-lines reviews or the ratings-only CSV,"
            + " optional metadata JSON lines) into FanShelf import files (docs/datasets.md).")
final class ConvertAmazon implements Callable<Integer> {
  @CommandLine.ArgGroup(multiplicity = "1")
  Interactions interactions;

  static final class Interactions {
    @Option(
        names = "--reviews",
        required = true,
        description = "JSON-lines reviews (reviewerID, asin, overall, unixReviewTime).")
    Path reviews;

    @Option(
        names = "--ratings",
        required = true,
        description = "Ratings-only CSV: user,item,rating,timestamp without a header.")
    Path ratings;
  }

  @Option(
      names = "--metadata",
      description = "Metadata JSON lines (asin, title, categories/category, brand, price).")
  Path metadata;

  @Mixin ConversionOptions common;

  @Override
  public Integer call() throws Exception {
    boolean csv = interactions.ratings != null;
    return common.run(
        () ->
            new AmazonSource(
                ConversionOptions.existing(
                    csv ? interactions.ratings : interactions.reviews,
                    csv ? "--ratings" : "--reviews"),
                csv,
                Optional.ofNullable(ConversionOptions.existing(metadata, "--metadata"))));
  }
}
