package io.fanshelf.indexer.cli;

import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportSummary;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Draws import progress on stderr: a redrawn bar on a terminal, a line per 10% otherwise (CI logs,
 * pipes). Not thread-safe; called from the importing thread.
 */
final class ProgressBar implements ImportListener {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private String lastKey = "";
  private int lastDecile = -1;

  ProgressBar(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void progress(String stage, String file, long bytesDone, long bytesTotal, long rows) {
    double fraction = bytesTotal <= 0 ? 1 : Math.min(1, (double) bytesDone / bytesTotal);
    String key = stage + file;
    if (terminal) {
      int filled = (int) Math.round(fraction * WIDTH);
      out.printf(
          Locale.ROOT,
          "\r%-8s %-24s [%s%s] %3.0f%% %,d rows",
          stage,
          file,
          "#".repeat(filled),
          " ".repeat(WIDTH - filled),
          fraction * 100,
          rows);
      if (fraction >= 1) {
        out.println();
      }
    } else {
      int decile = (int) (fraction * 10);
      if (!key.equals(lastKey) || decile > lastDecile) {
        out.printf(Locale.ROOT, "%s %s: %d%% (%,d rows)%n", stage, file, decile * 10, rows);
      }
      lastDecile = key.equals(lastKey) ? Math.max(decile, lastDecile) : decile;
    }
    lastKey = key;
    out.flush();
  }

  @Override
  public void applied(ImportSummary.FileSummary summary) {
    // The command prints the summary table at the end.
  }
}
