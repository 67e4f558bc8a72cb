package io.fanshelf.training.cli;

import io.fanshelf.training.registry.ModelRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The registry commands: publish, rollback, list. */
final class RegistryCommands {
  private RegistryCommands() {}

  static ModelRegistry registry(Path data) {
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException("no data directory at " + data);
    }
    return new ModelRegistry(data);
  }

  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description =
          "Make a stored model the one serving uses (running servers switch to it). Refused when"
              + " it lost to popularity or the best built-in baseline on its validation window,"
              + " unless --force.")
  static final class Publish implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "FanShelf data directory.")
    Path data;

    @Parameters(index = "0", description = "Model id, as 'list' shows it.")
    String id;

    @Option(
        names = "--force",
        description = "Publish even when it lost on validation (the artifact records it).")
    boolean force;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      registry(data).publish(id, force);
      spec.commandLine().getOut().println("published " + id);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description =
          "Return to the model published before the current one (the validated ranking if none).")
  static final class Rollback implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "FanShelf data directory.")
    Path data;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Optional<String> now = registry(data).rollback();
      spec.commandLine()
          .getOut()
          .println(
              "rolled back; serving now uses "
                  + now.orElse("the validated ranking (or labels then popularity before one)"));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Stored models, oldest first; * marks the one serving uses.")
  static final class ListModels implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "FanShelf data directory.")
    Path data;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      var entries = registry(data).list();
      if (entries.isEmpty()) {
        out.println("no models in " + data.resolve("models") + "; train one with 'train'");
      }
      for (ModelRegistry.Entry e : entries) {
        out.printf(
            Locale.ROOT,
            "%s %-46s %-11s created %s, features before %s, %,d examples, metrics %s%n",
            e.current() ? "*" : " ",
            e.info().id(),
            e.info().algorithm(),
            e.info().createdAt(),
            e.info().dataWindow().featuresAt(),
            e.info().dataWindow().examples(),
            e.info().metrics());
      }
      out.flush();
      return 0;
    }
  }
}
