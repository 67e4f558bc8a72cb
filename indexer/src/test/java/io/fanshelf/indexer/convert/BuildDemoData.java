package io.fanshelf.indexer.convert;

import io.fanshelf.indexer.convert.CompleteJourneyConverter.Summary;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Builds the committed demo data set (demo/) with default options until the indexer CLI has its
 * {@code convert-completejourney} subcommand; demo/README.md gives the exact command. Test scope
 * only, so that main code has no entry point of its own. Not a test: surefire runs *Test classes.
 */
final class BuildDemoData {
  private BuildDemoData() {}

  /**
   * Arguments: the raw directory and the output directory.
   *
   * @throws IOException when the raw data is bad or the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: BuildDemoData RAW_DIR OUT_DIR");
    }
    Summary summary =
        new CompleteJourneyConverter(CompleteJourneyConverter.Options.defaults())
            .convert(
                Path.of(args[0]),
                Path.of(args[1]),
                rows -> System.err.println("transaction rows read: " + rows));
    System.out.println(summary);
  }
}
