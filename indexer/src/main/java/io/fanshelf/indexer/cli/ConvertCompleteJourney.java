package io.fanshelf.indexer.cli;

import io.fanshelf.indexer.convert.CompleteJourneyConverter;
import io.fanshelf.indexer.convert.RawDataException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code convert-completejourney}: raw Complete Journey CSVs to FanShelf import files. */
@Command(
    name = "convert-completejourney",
    description =
        "Convert the raw Complete Journey CSVs (products, demographics, transactions_sample) into"
            + " FanShelf import files (docs/demo-data.md).")
final class ConvertCompleteJourney implements Callable<Integer> {
  @Option(names = "--raw", required = true, description = "Folder with the raw CSVs.")
  Path raw;

  @Option(names = "--out", required = true, description = "Folder to write the import files to.")
  Path out;

  @Option(names = "--owners", defaultValue = "3", description = "Demo owners (default 3).")
  int owners;

  @Option(
      names = "--created-at-first-seen",
      description = "Date products by their first sale (leaks the future into evaluation).")
  boolean firstSeen;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(raw)) {
      err.println("error: no folder at " + raw);
      return IndexerCli.REJECTED;
    }
    CompleteJourneyConverter.Options options;
    try {
      options =
          CompleteJourneyConverter.Options.defaults()
              .withOwnerCount(owners)
              .withCreatedAtFirstSeen(firstSeen);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return IndexerCli.REJECTED;
    }
    try {
      CompleteJourneyConverter.Summary summary =
          new CompleteJourneyConverter(options)
              .convert(
                  raw,
                  out,
                  rows -> System.err.printf(Locale.ROOT, "\rtransactions read: %,d", rows));
      System.err.println();
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.printf(
          Locale.ROOT,
          "wrote %s: %,d products, %d owners, %,d fans (%,d memberships), %,d labelled fans,"
              + " %,d label rows, %,d events; skipped %s%n",
          out,
          summary.products(),
          summary.owners(),
          summary.fans(),
          summary.fanMemberships(),
          summary.labelledFans(),
          summary.labelRows(),
          summary.events(),
          summary.skipped());
      stdout.flush();
      return 0;
    } catch (RawDataException e) {
      err.println("error: " + e.getMessage());
      return IndexerCli.REJECTED;
    }
  }
}
