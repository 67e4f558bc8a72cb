package io.fanshelf.training.cli;

import io.fanshelf.training.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Draws progress on stderr: a redrawn bar on a terminal, a line per quarter otherwise (CI logs,
 * pipes). Thread-safe: parallel steps report from several threads.
 */
final class ProgressBar implements Progress {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private String stage = "";
  private int lastQuarter = -1;
  private long lastDraw;

  ProgressBar(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public synchronized void update(String name, long done, long total) {
    double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
    boolean newStage = !name.equals(stage);
    if (newStage && terminal && !stage.isEmpty() && lastQuarter < 4) {
      out.println();
    }
    if (newStage) {
      stage = name;
      lastQuarter = -1;
    }
    if (terminal) {
      long now = System.nanoTime();
      if (fraction < 1 && !newStage && now - lastDraw < 100_000_000L) {
        return;
      }
      lastDraw = now;
      int filled = (int) Math.round(fraction * WIDTH);
      out.printf(
          Locale.ROOT,
          "\r%-26s [%s%s] %3.0f%% %,d/%,d",
          name,
          "#".repeat(filled),
          " ".repeat(WIDTH - filled),
          fraction * 100,
          done,
          total);
      if (fraction >= 1) {
        out.println();
        lastQuarter = 4;
      }
    } else {
      int quarter = (int) (fraction * 4);
      if (quarter > lastQuarter) {
        out.printf(Locale.ROOT, "%s: %d%% (%,d/%,d)%n", name, quarter * 25, done, total);
        lastQuarter = quarter;
      }
    }
    out.flush();
  }
}
