package io.fanshelf.training.cli;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.training.CollaborativeTuning;
import io.fanshelf.training.Evaluation;
import io.fanshelf.training.Trainer;
import io.fanshelf.training.collaborative.Interactions;
import io.fanshelf.training.dataset.Dataset;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.dataset.TrainingData;
import io.fanshelf.training.eval.EvaluationReport;
import io.fanshelf.training.eval.HtmlReport;
import io.fanshelf.training.model.Fit;
import io.fanshelf.training.synthetic.SyntheticData;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Generates a data set ({@link SyntheticData}), imports it, then times one fit of every model on
 * all the events (each collaborative model with its starting settings, and LambdaMART on the
 * training examples), and, unless told not to, the whole evaluation on a time split, and reports
 * the peak heap.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "bench",
    description =
        "Generate N events, import them into --data (must not exist), then time one fit of every"
            + " model, and the whole evaluation (time:0.8), and report peak heap.")
final class Bench implements Callable<Integer> {
  @Mixin Common common;

  @Option(
      names = "--events",
      defaultValue = "1000000",
      description = "Events (default ${DEFAULT-VALUE}).")
  long events;

  @Option(
      names = "--fans",
      defaultValue = "20000",
      description = "Fans (default ${DEFAULT-VALUE}).")
  int fans;

  @Option(
      names = "--products",
      defaultValue = "20000",
      description = "Products (default ${DEFAULT-VALUE}).")
  int products;

  @Option(names = "--report", defaultValue = "bench.json", description = "JSON report.")
  Path report;

  @Option(names = "--fits-only", description = "Time the model fits only, not the evaluation.")
  boolean fitsOnly;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(common.data)) {
      throw new IllegalArgumentException(
          common.data + " exists; bench imports into a new directory");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path files =
        Files.createDirectories(common.data.resolveSibling(common.data.getFileName() + "-files"));
    long t0 = System.nanoTime();
    new SyntheticData(products, fans, events, common.seed).write(files);
    long generated = System.nanoTime();
    try (Indexer indexer = Indexer.open(common.settings().indexerOptions(common.data))) {
      indexer.importFiles(ImportRequest.inDirectory(files), ImportListener.NONE);
      long imported = System.nanoTime();
      resetPeaks();
      long start = System.nanoTime();
      TrainingData data = TrainingData.load(indexer, common.recommender());
      long loaded = System.nanoTime();
      out.printf(
          Locale.ROOT,
          "generate %.1f s, import %.1f s, load %.1f s (not counted below)%n",
          sec(t0, generated),
          sec(generated, imported),
          sec(start, loaded));
      Trainer trainer = new Trainer(data, common.options(), Commands.progress());
      fits(trainer, out);
      if (fitsOnly) {
        return 0;
      }
      resetPeaks();
      Evaluation.Outcome outcome =
          new Evaluation(trainer)
              .run(new Evaluation.Request(Split.parse("time:0.8"), 0, Optional.empty(), 0));
      long end = System.nanoTime();
      EvaluationReport r = outcome.report();
      r.writeJson(report);
      HtmlReport.write(r, report.resolveSibling(report.getFileName() + ".html"));
      r.timingsMs().forEach((k, v) -> out.printf(Locale.ROOT, "  %-18s %8.1f s%n", k, v / 1000.0));
      out.printf(
          Locale.ROOT,
          "train+evaluate total %.1f s, peak heap %,d MB, cores %d%n",
          sec(loaded, end),
          peakHeap() >> 20,
          Runtime.getRuntime().availableProcessors());
      out.printf(
          Locale.ROOT,
          "test fans %s, training examples %s, fanshelf ndcg@10 %.4f, popularity %.4f%n",
          r.counts().get("testFans"),
          r.counts().get("trainingExamples"),
          r.metric("fanshelf", "all", "ndcg@10"),
          r.metric("popularity", "all", "ndcg@10"));
      out.flush();
      return 0;
    }
  }

  /**
   * One fit of every collaborative model (starting settings) on all the events, and of LambdaMART
   * on the training examples, each timed with the peak heap it reached.
   */
  private void fits(Trainer trainer, PrintWriter out) throws Exception {
    long t0 = System.nanoTime();
    Interactions all = trainer.interactions(e -> true, id -> true);
    out.printf(
        Locale.ROOT,
        "interactions: %,d pairs of %,d fans and %,d products in %.1f s%n",
        all.size(),
        all.fanCount(),
        all.itemCount(),
        sec(t0, System.nanoTime()));
    double total = 0;
    for (String algorithm : CollaborativeTuning.ALGORITHMS) {
      resetPeaks();
      long t = System.nanoTime();
      CollaborativeTuning.start(algorithm, common.seed).fit(all);
      double seconds = sec(t, System.nanoTime());
      total += seconds;
      out.printf(
          Locale.ROOT,
          "  fit %-10s %6.1f s, peak heap %,d MB%n",
          algorithm,
          seconds,
          peakHeap() >> 20);
    }
    resetPeaks();
    long t = System.nanoTime();
    Dataset examples = trainer.dataset(trainer.options().examples(), e -> true, false);
    double datasetSeconds = sec(t, System.nanoTime());
    long f = System.nanoTime();
    Fit.fit(examples, trainer.options().lambdaMart(), "bench");
    double fitSeconds = sec(f, System.nanoTime());
    total += datasetSeconds + fitSeconds;
    out.printf(
        Locale.ROOT,
        "  examples   %6.1f s (%,d rows), lambdamart %.1f s, peak heap %,d MB%n",
        datasetSeconds,
        examples.size(),
        fitSeconds,
        peakHeap() >> 20);
    out.printf(Locale.ROOT, "every model once: %.1f s on %d cores%n", total, cores());
    out.flush();
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static double sec(long a, long b) {
    return (b - a) / 1e9;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
