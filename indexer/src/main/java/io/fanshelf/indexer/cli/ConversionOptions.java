package io.fanshelf.indexer.cli;

import io.fanshelf.indexer.convert.InteractionConverter;
import io.fanshelf.indexer.convert.RawDataException;
import io.fanshelf.indexer.model.EventType;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options every public-format conversion ({@code convert-movielens}, {@code convert-interactions},
 * {@code convert-amazon}) shares, and the run itself: convert, print the summary, map bad input to
 * exit code 2. See docs/datasets.md.
 */
final class ConversionOptions {
  @Option(names = "--out", required = true, description = "Folder to write the import files to.")
  Path out;

  @Option(
      names = "--owners",
      defaultValue = "1",
      description = "Shops to spread the fans over, shop-1 ... (default ${DEFAULT-VALUE}).")
  int owners;

  @Option(
      names = "--stock",
      defaultValue = "100",
      description = "Stock of every product (default ${DEFAULT-VALUE}).")
  int stock;

  @Option(
      names = "--positive-type",
      description =
          "Also write an event of this type (e.g. purchase) for every rating of at least"
              + " --positive-min.")
  EventType positiveType;

  @Option(
      names = "--positive-min",
      defaultValue = "4",
      description = "The least rating that is a positive (default ${DEFAULT-VALUE}).")
  double positiveMin;

  @Option(
      names = "--no-rating-events",
      description = "Write only the --positive-type events, no rating events.")
  boolean noRatingEvents;

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec spec;

  /** Converts, prints the summary, and returns the exit code. */
  int run(Callable<InteractionConverter.Source> source) throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    try {
      InteractionConverter.Options options =
          InteractionConverter.Options.defaults().withOwnerCount(owners).withStock(stock);
      if (positiveType != null) {
        options = options.withPositives(positiveType, positiveMin, !noRatingEvents);
      } else if (noRatingEvents) {
        throw new IllegalArgumentException("--no-rating-events needs --positive-type");
      }
      InteractionConverter.Summary summary =
          new InteractionConverter(options)
              .convert(
                  source.call(),
                  out,
                  rows -> System.err.printf(Locale.ROOT, "\rinteractions read: %,d", rows));
      System.err.println();
      print(spec.commandLine().getOut(), summary);
      return 0;
    } catch (RawDataException | IllegalArgumentException e) {
      System.err.println();
      err.println("error: " + e.getMessage());
      err.println("nothing was written to " + out);
      return IndexerCli.REJECTED;
    }
  }

  private void print(PrintWriter stdout, InteractionConverter.Summary s) {
    stdout.printf(
        Locale.ROOT,
        "wrote %s: %,d events from %,d interactions (%s to %s), %,d products (%,d with"
            + " metadata), %,d fans over %d owner(s), %,d labelled fans%s%n",
        out,
        s.events(),
        s.interactions(),
        s.first(),
        s.last(),
        s.products(),
        s.productsWithMetadata(),
        s.fans(),
        s.owners(),
        s.labelledFans(),
        s.dimensions().isEmpty() ? "" : " (dimensions " + String.join(", ", s.dimensions()) + ")");
    if (s.itemRowsWithoutInteractions() + s.userRowsWithoutInteractions() > 0) {
      stdout.printf(
          Locale.ROOT,
          "left out: %,d item rows and %,d user rows without interactions%n",
          s.itemRowsWithoutInteractions(),
          s.userRowsWithoutInteractions());
    }
    stdout.flush();
  }

  /** The file, or an error naming the option when there is none at that path. */
  static Path existing(Path file, String option) {
    if (file != null && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException(option + ": no file at " + file);
    }
    return file;
  }
}
