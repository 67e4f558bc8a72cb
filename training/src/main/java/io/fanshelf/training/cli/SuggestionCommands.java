package io.fanshelf.training.cli;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.training.suggest.Behaviours;
import io.fanshelf.training.suggest.SuggestionEvaluation;
import io.fanshelf.training.suggest.SuggestionEvaluation.DimensionResult;
import io.fanshelf.training.suggest.SuggestionEvaluation.Score;
import io.fanshelf.training.suggest.SuggestionOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The label suggestions' measurement. */
final class SuggestionCommands {
  private SuggestionCommands() {}

  @Command(
      name = "evaluate-suggestions",
      mixinStandardHelpOptions = true,
      description =
          "Precision and recall of label suggestions per dimension on held-out labelled fans, at"
              + " the confidence threshold, against the majority class and the taxonomy's match"
              + " rules.")
  static final class EvaluateSuggestions implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "FanShelf data directory.")
    Path data;

    @Option(
        names = "--test-share",
        defaultValue = "0.2",
        description = "Share of labelled fans held out (default ${DEFAULT-VALUE}).")
    double testShare;

    @Option(
        names = "--threshold",
        defaultValue = "0.6",
        description = "Confidence a suggestion needs (default ${DEFAULT-VALUE}, the server's).")
    double threshold;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      SuggestionOptions options = SuggestionOptions.defaults().withThreshold(threshold);
      if (!Files.isDirectory(data)) {
        throw new IllegalArgumentException("no data directory at " + data);
      }
      PrintWriter out = spec.commandLine().getOut();
      try (Indexer indexer = Indexer.open(IndexerOptions.of(data))) {
        Behaviours behaviours =
            Behaviours.load(indexer.store(), indexer.options().feedback(), options.minProducts());
        List<Label> labels = new ArrayList<>();
        indexer.store().fans().forEach(profile -> labels.addAll(profile.labels().values()));
        List<DimensionResult> results =
            SuggestionEvaluation.run(
                indexer.store().metadata().taxonomy(),
                behaviours,
                labels,
                options,
                testShare,
                seed);
        out.printf(
            Locale.ROOT,
            "%,d profiled fans, %,d labels; threshold %.2f, test share %.2f, seed %d%n",
            behaviours.size(),
            labels.size(),
            threshold,
            testShare,
            seed);
        out.printf(
            Locale.ROOT,
            "%-18s %-10s %5s | %-22s | %-22s | %-22s%n",
            "dimension",
            "method",
            "test",
            "model P / R (made)",
            "majority P / R",
            "rules P / R (made)");
        for (DimensionResult r : results) {
          out.printf(
              Locale.ROOT,
              "%-18s %-10s %5d | %-22s | %-22s | %-22s%n",
              r.dimension(),
              r.method().name().toLowerCase(Locale.ROOT),
              r.testFans(),
              score(r.model()),
              score(r.majority()) + " " + r.majorityValue(),
              r.rules().map(EvaluateSuggestions::score).orElse("-"));
        }
        out.flush();
      }
      return 0;
    }

    private static String score(Score s) {
      return String.format(
          Locale.ROOT, "%.3f / %.3f (%d)", s.precision(), s.recall(), s.suggested());
    }
  }
}
