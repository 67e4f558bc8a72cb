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
      description = "Make a stored model the one serving uses (running servers switch to it).")
  static final class Publish implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "FanShelf data directory.")
    Path data;

    @Parameters(index = "0", description = "Model id, as 'list' shows it.")
    String id;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      registry(data).publish(id);
      spec.commandLine().getOut().println("published " + id);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "rollback",
      description =
          "Return to the model published before the current one (the heuristic ranker if none).")
  static final class Rollback implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "FanShelf data directory.")
    Path data;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Optional<String> now = registry(data).rollback();
      spec.commandLine()
          .getOut()
          .println("rolled back; serving now uses " + now.orElse("the heuristic ranker"));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "list", description = "Stored models, oldest first; * marks the published one.")
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
            "%s %-36s %-8s created %s, features before %s, %,d examples, metrics %s%n",
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
