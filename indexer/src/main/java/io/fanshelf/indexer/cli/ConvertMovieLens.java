package io.fanshelf.indexer.cli;

import io.fanshelf.indexer.convert.MovieLensSource;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code convert-movielens}: MovieLens files to FanShelf import files (docs/datasets.md). */
@Command(
    name = "convert-movielens",
    description =
        "Convert MovieLens files (u.data / ratings.dat / ratings.csv, optional u.item /"
            + " movies.dat / movies.csv and u.user / users.dat) into FanShelf import files:"
            + " rating events with their score, movies as products, user attributes as labels"
            + " (docs/datasets.md).")
final class ConvertMovieLens implements Callable<Integer> {
  @Option(
      names = "--ratings",
      required = true,
      description = "user item rating time: u.data (tab), ratings.dat (::) or ratings.csv.")
  Path ratings;

  @Option(names = "--items", description = "Movies: u.item, movies.dat or movies.csv.")
  Path items;

  @Option(names = "--users", description = "User attributes: u.user or users.dat.")
  Path users;

  @Option(
      names = "--encoding",
      description =
          "Character set of all files (default: ISO-8859-1 for the 100K/1M files, UTF-8 for"
              + " CSVs).")
  Charset encoding;

  @Mixin ConversionOptions common;

  @Override
  public Integer call() throws Exception {
    return common.run(
        () ->
            new MovieLensSource(
                ConversionOptions.existing(ratings, "--ratings"),
                Optional.ofNullable(ConversionOptions.existing(items, "--items")),
                Optional.ofNullable(ConversionOptions.existing(users, "--users")),
                Optional.ofNullable(encoding)));
  }
}
