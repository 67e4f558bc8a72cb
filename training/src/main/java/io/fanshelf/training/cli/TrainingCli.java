package io.fanshelf.training.cli;

import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.ValidationError;
import io.fanshelf.training.registry.ArtifactRefusedException;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar fanshelf-training.jar <command>}: see {@code --help}. */
@Command(
    name = "fanshelf-training",
    mixinStandardHelpOptions = true,
    version = "FanShelf training 0.1",
    description = "Builds datasets, trains, evaluates, publishes and rolls back ranking models.",
    subcommands = {
      Commands.BuildDataset.class,
      Commands.Train.class,
      Commands.Evaluate.class,
      RegistryCommands.Publish.class,
      RegistryCommands.Rollback.class,
      RegistryCommands.ListModels.class,
      Bench.class,
      SuggestionCommands.EvaluateSuggestions.class,
      EvaluateOutreach.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failure (I/O, internal error)",
      "2:rejected input or bad arguments"
    })
public final class TrainingCli {
  static final int REJECTED = 2;
  static final int FAILED = 1;

  public static void main(String[] args) {
    // Smile logs every boosting round at INFO; the progress bar says enough.
    if (System.getProperty("org.slf4j.simpleLogger.log.smile") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.smile", "warn");
    }
    System.exit(run(args));
  }

  /** Runs the tool and returns its exit code (for tests). */
  public static int run(String... args) {
    CommandLine line = new CommandLine(new TrainingCli());
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          PrintWriter err = cmd.getErr();
          if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            err.println("error: " + e.getMessage());
            return REJECTED;
          }
          if (e instanceof ArtifactRefusedException) {
            err.println("error: " + e.getMessage());
            return REJECTED;
          }
          if (e instanceof ImportRejectedException rejected) {
            err.printf(Locale.ROOT, "test events rejected: %,d error(s)%n", rejected.totalErrors());
            for (ValidationError error : rejected.errors()) {
              err.println("  " + error);
            }
            return REJECTED;
          }
          if (e instanceof java.nio.file.NoSuchFileException missing) {
            err.println(
                "error: "
                    + (missing.getReason() != null
                        ? missing.getReason()
                        : "no such file: " + missing.getFile()));
            return REJECTED;
          }
          err.println("error: " + e);
          return FAILED;
        });
    return line.execute(args);
  }
}
