package io.fanshelf.training.cli;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.training.Evaluation;
import io.fanshelf.training.Trainer;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.dataset.TrainingData;
import io.fanshelf.training.eval.EvaluationReport;
import io.fanshelf.training.eval.HtmlReport;
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
 * Generates a data set ({@link SyntheticData}), imports it, then times building the datasets,
 * training and evaluating on a time split, and reports the peak heap.
 */
@Command(
    name = "bench",
    description =
        "Generate N events, import them into --data (must not exist), then time dataset building,"
            + " training and evaluation (time:0.8) and report peak heap.")
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

  @Option(
      names = "--tuning-budget",
      defaultValue = "60",
      description = "Seconds of tuning per collaborative algorithm (default ${DEFAULT-VALUE}).")
  int tuningBudgetSeconds;

  @Option(names = "--report", defaultValue = "bench.json", description = "JSON report.")
  Path report;

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
    try (Indexer indexer = Indexer.open(IndexerOptions.of(common.data))) {
      indexer.importFiles(
          ImportRequest.none()
              .withTaxonomy(files.resolve("taxonomy.json"))
              .withOwners(files.resolve("owners.csv"))
              .withCatalog(files.resolve("catalog.csv"))
              .withFans(files.resolve("fans.csv"))
              .withLabels(files.resolve("labels.csv"))
              .withEvents(files.resolve("events.csv")),
          ImportListener.NONE);
      long imported = System.nanoTime();
      resetPeaks();
      long start = System.nanoTime();
      TrainingData data = TrainingData.load(indexer, RecommenderOptions.defaults());
      long loaded = System.nanoTime();
      Trainer trainer = new Trainer(data, common.options(), Commands.progress());
      Evaluation.Outcome outcome =
          new Evaluation(trainer)
              .run(
                  new Evaluation.Request(
                      Split.parse("time:0.8"),
                      0,
                      Optional.empty(),
                      0,
                      java.time.Duration.ofSeconds(tuningBudgetSeconds)));
      long end = System.nanoTime();
      EvaluationReport r = outcome.report();
      r.writeJson(report);
      HtmlReport.write(r, report.resolveSibling(report.getFileName() + ".html"));
      out.printf(
          Locale.ROOT,
          "generate %.1f s, import %.1f s (not counted)%n",
          sec(t0, generated),
          sec(generated, imported));
      out.printf(Locale.ROOT, "load events/catalog/fans %.1f s%n", sec(start, loaded));
      r.timingsMs().forEach((k, v) -> out.printf(Locale.ROOT, "  %-18s %8.1f s%n", k, v / 1000.0));
      out.printf(
          Locale.ROOT,
          "dataset+train+evaluate total %.1f s, peak heap %,d MB, cores %d%n",
          sec(start, end),
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
