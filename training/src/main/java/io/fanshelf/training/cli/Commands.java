package io.fanshelf.training.cli;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.training.Evaluation;
import io.fanshelf.training.Progress;
import io.fanshelf.training.Retraining;
import io.fanshelf.training.Trainer;
import io.fanshelf.training.dataset.ColdStartSplit;
import io.fanshelf.training.dataset.Dataset;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.eval.EvaluationReport;
import io.fanshelf.training.eval.HtmlReport;
import io.fanshelf.training.registry.ArtifactInfo;
import io.fanshelf.training.registry.ModelRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The dataset, train and evaluate commands. */
final class Commands {
  private Commands() {}

  static Progress progress() {
    return new ProgressBar(System.err, System.console() != null);
  }

  @Command(
      name = "build-dataset",
      mixinStandardHelpOptions = true,
      description =
          "Write the training examples of a split as CSV: features known before the cutoff, labels"
              + " after it.")
  static final class BuildDataset implements Callable<Integer> {
    @Mixin Common common;

    @Option(names = "--split", defaultValue = "time:0.8", description = "time:F or last:F.")
    String split;

    @Option(names = "--out", required = true, description = "CSV file to write.")
    Path out;

    @Option(names = "--hide-labels", description = "Build as if no fan were labelled.")
    boolean hideLabels;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Split parsed = Split.parse(split);
      try (Indexer indexer = common.open()) {
        Trainer trainer = common.trainer(indexer, progress());
        Dataset dataset = trainer.dataset(parsed, e -> true, hideLabels);
        dataset.writeCsv(out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(
            Locale.ROOT,
            "wrote %,d examples (%,d positive) of %,d fans to %s; features before %s, labels %s;"
                + " candidate recall %.3f%n",
            dataset.size(),
            dataset.positives(),
            dataset.fans().size(),
            out,
            dataset.featuresAt(),
            dataset.window(),
            dataset.candidateRecall());
        w.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description =
          "Train on every event of DIR, choosing on a validation window cut from its end, and"
              + " store the ranking in DIR/models (not published unless --publish).")
  static final class Train implements Callable<Integer> {
    @Mixin Common common;

    @Option(
        names = "--split",
        defaultValue = "time:0.8",
        description = "Validation window: time:F or last:F (default ${DEFAULT-VALUE}).")
    String split;

    @Option(
        names = "--keep",
        defaultValue = "served",
        description =
            "served (the ranking validation chose: learned, popularity or one collaborative"
                + " model) or learned (default ${DEFAULT-VALUE}).")
    String keep;

    @Option(names = "--publish", description = "Publish the ranking after storing it.")
    boolean publish;

    @Option(
        names = "--force",
        description = "With --publish: publish even when it loses to a baseline on validation.")
    boolean force;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Retraining.Request request =
          new Retraining.Request(Split.parse(split), Retraining.Keep.parse(keep), common.options());
      try (Indexer indexer = common.open()) {
        ModelRegistry registry = new ModelRegistry(common.data);
        Retraining.Result result =
            new Retraining(indexer, common.recommender(), common::aggregates, Clock.systemUTC())
                .run(request, registry, progress());
        ArtifactInfo stored = result.info();
        Trainer.Trained trained = result.trained();
        PrintWriter w = spec.commandLine().getOut();
        w.printf(
            Locale.ROOT,
            "trained %s on %,d examples (%,d relevant, %,d groups), features before %s%n",
            stored.id(),
            trained.dataset().examples(),
            trained.dataset().positives(),
            trained.dataset().fans(),
            trained.dataset().featuresAt());
        w.printf(Locale.ROOT, "validation NDCG@10 on %s:%n", trained.validationWindow());
        stored.validation().forEach((k, v) -> w.printf(Locale.ROOT, "  %-28s %.4f%n", k, v));
        if (publish) {
          registry.publish(stored.id(), force);
          w.println("published " + stored.id());
        }
        w.println(stored.id());
        w.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description =
          "Train on the training side of a split (validation cut from it), then rank the whole"
              + " catalog for every test fan with FanShelf's models and the baselines; write the"
              + " JSON and HTML reports.")
  static final class Evaluate implements Callable<Integer> {
    @Mixin Common common;

    @Option(
        names = "--split",
        description = "time:F (global time split) or last:F (each fan's last F); default time:0.8.")
    String split;

    @Option(
        names = "--test-events",
        description = "Events file (CSV/JSONL) to test on; the data directory's events train.")
    Path testEvents;

    @Option(
        names = "--report",
        defaultValue = "evaluation.json",
        description = "JSON report (default ${DEFAULT-VALUE}); the HTML report goes next to it.")
    Path report;

    @Option(
        names = "--min-training-events",
        defaultValue = "0",
        description =
            "Test fans need at least this many positive events before the split (default"
                + " ${DEFAULT-VALUE}).")
    int minTrainingEvents;

    @Option(
        names = "--cold-fans",
        description =
            "Cold-start protocol: cut this share of the test fans (seeded) to their first --keep"
                + " events, everywhere; the report's cold-start slices are exactly those fans.")
    Double coldFans;

    @Option(
        names = "--keep",
        defaultValue = "2",
        description = "With --cold-fans: events each cut fan keeps (default ${DEFAULT-VALUE}).")
    int keep;

    @Option(
        names = "--top-k-out",
        description =
            "Write every model's and baseline's top-k per test fan here (model<TAB>fan<TAB>items).")
    Path topKOut;

    @Option(names = "--top-k", defaultValue = "20", description = "Length of those lists.")
    int topK;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (split != null && testEvents != null) {
        throw new IllegalArgumentException("give --split or --test-events, not both");
      }
      Split parsedSplit =
          testEvents == null ? Split.parse(split == null ? "time:0.8" : split) : null;
      common.options(); // rejects bad options before the data directory is opened
      if (coldFans != null) {
        new ColdStartSplit(
            parsedSplit == null ? Split.parse("time:0.8") : parsedSplit, coldFans, keep, 0);
      }
      // the reports' folders exist before the long run, not after it
      Files.createDirectories(report.toAbsolutePath().getParent());
      if (topKOut != null) {
        Files.createDirectories(topKOut.toAbsolutePath().getParent());
      }
      try (Indexer indexer = common.open()) {
        Split parsed =
            parsedSplit != null
                ? parsedSplit
                : Split.given(testEvents.getFileName().toString(), readEvents(indexer));
        if (coldFans != null) {
          parsed = new ColdStartSplit(parsed, coldFans, keep, common.seed);
        }
        Trainer trainer = common.trainer(indexer, progress());
        ModelRegistry registry = new ModelRegistry(common.data);
        Optional<RankingModel> published = Optional.empty();
        if (!registry.published().isEmpty()) {
          published = Optional.of(registry.model(registry.published().getLast()));
        }
        Evaluation.Outcome outcome =
            new Evaluation(trainer)
                .run(
                    new Evaluation.Request(
                        parsed, minTrainingEvents, published, topKOut == null ? 0 : topK));
        EvaluationReport r = outcome.report();
        r.writeJson(report);
        Path html = report.resolveSibling(stripJson(report.getFileName().toString()) + ".html");
        HtmlReport.write(r, html);
        if (topKOut != null) {
          List<String> lines = new java.util.ArrayList<>();
          outcome
              .topLists()
              .forEach((model, rows) -> rows.forEach(row -> lines.add(model + "\t" + row)));
          Files.write(topKOut, lines);
        }
        print(spec.commandLine().getOut(), r, report, html);
        return 0;
      }
    }

    private List<Event> readEvents(Indexer indexer) throws Exception {
      if (!Files.isRegularFile(testEvents)) {
        throw new IllegalArgumentException("no test events file at " + testEvents);
      }
      return indexer.readEventsFile(testEvents);
    }

    private static String stripJson(String name) {
      return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    static void print(PrintWriter w, EvaluationReport r, Path json, Path html) {
      w.printf(Locale.ROOT, "split %s%n", r.split().get("description"));
      w.printf(
          Locale.ROOT,
          "%-22s %9s %9s %9s %9s %9s %9s %9s%n",
          "model (all fans)",
          "ndcg@10",
          "recall@10",
          "recall@20",
          "hit@10",
          "prec@10",
          "mrr",
          "cov@10");
      for (String model : r.models().keySet()) {
        Map<String, Double> m = r.models().get(model).get("all");
        if (m == null) {
          continue;
        }
        w.printf(
            Locale.ROOT,
            "%-22s %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f%n",
            model,
            m.get("ndcg@10"),
            m.get("recall@10"),
            m.get("recall@20"),
            m.get("hit@10"),
            m.get("precision@10"),
            m.get("mrr"),
            m.get("coverage@10"));
      }
      r.summary().forEach((k, v) -> w.printf(Locale.ROOT, "%s: %s%n", k, v));
      w.printf(Locale.ROOT, "wrote %s and %s%n", json, html);
      w.flush();
    }
  }
}
