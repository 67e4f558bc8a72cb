package io.fanshelf.indexer.cli;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.ingest.ImportSummary;
import io.fanshelf.indexer.ingest.ValidationError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar fanshelf-indexer.jar <command>}: see {@code --help}. */
@Command(
    name = "fanshelf-indexer",
    // Inherited, so that every subcommand answers --help and --version (exit 0) before it checks
    // its required options.
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "FanShelf indexer 0.1",
    description = "Imports and inspects a FanShelf data directory.",
    subcommands = {
      IndexerCli.Import.class,
      IndexerCli.Stats.class,
      IndexerCli.Rebuild.class,
      ConvertCompleteJourney.class,
      ConvertMovieLens.class,
      ConvertInteractions.class,
      ConvertAmazon.class,
      GenerateBeautyDemo.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failure (I/O, internal error)",
      "2:rejected input or bad arguments"
    })
public final class IndexerCli {
  static final int REJECTED = 2;
  static final int FAILED = 1;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the tool and returns its exit code (for tests). */
  public static int run(String... args) {
    CommandLine line = new CommandLine(new IndexerCli()).setCaseInsensitiveEnumValuesAllowed(true);
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          String message =
              e instanceof java.nio.file.NoSuchFileException missing
                  ? "no such file: " + missing.getFile()
                  : e.toString();
          cmd.getErr().println("error: " + message);
          return FAILED;
        });
    return line.execute(args);
  }

  @Command(name = "import", description = "Validate files, then apply them all or nothing.")
  static final class Import implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "FanShelf data directory.")
    Path data;

    @Option(names = "--taxonomy", description = "Taxonomy (.json or .yaml).")
    Path taxonomy;

    @Option(names = "--owners", description = "Owners (.csv or .jsonl).")
    Path owners;

    @Option(names = "--catalog", description = "Products (.csv or .jsonl, optionally .gz).")
    Path catalog;

    @Option(names = "--fans", description = "Fan memberships (.csv or .jsonl).")
    Path fans;

    @Option(names = "--labels", description = "Label spreadsheet (.csv).")
    Path labels;

    @Option(names = "--events", description = "Events (.csv or .jsonl, optionally .gz).")
    Path events;

    @Option(
        names = "--dir",
        description =
            "Take every file from this folder by its usual name (taxonomy.json, owners.csv,"
                + " catalog.csv.gz, fans.csv, labels.csv, events.csv.gz ...).")
    Path dir;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      ImportRequest request = request();
      if (request.isEmpty()) {
        err.println(
            "error: nothing to import; give --dir or at least one of --taxonomy"
                + " --owners --catalog --fans --labels --events");
        return REJECTED;
      }
      try (Indexer indexer = Indexer.open(IndexerOptions.of(data))) {
        ImportSummary summary =
            indexer.importFiles(request, new ProgressBar(System.err, System.console() != null));
        printSummary(out, summary);
        return 0;
      } catch (ImportRejectedException e) {
        err.printf(
            Locale.ROOT, "import rejected: %,d error(s); nothing was applied%n", e.totalErrors());
        for (ValidationError error : e.errors()) {
          err.println("  " + error);
        }
        if (e.totalErrors() > e.errors().size()) {
          err.printf(Locale.ROOT, "  ... and %,d more%n", e.totalErrors() - e.errors().size());
        }
        return REJECTED;
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        return REJECTED;
      }
    }

    private ImportRequest request() {
      ImportRequest request = dir == null ? ImportRequest.none() : ImportRequest.inDirectory(dir);
      if (taxonomy != null) {
        request = request.withTaxonomy(taxonomy);
      }
      if (owners != null) {
        request = request.withOwners(owners);
      }
      if (catalog != null) {
        request = request.withCatalog(catalog);
      }
      if (fans != null) {
        request = request.withFans(fans);
      }
      if (labels != null) {
        request = request.withLabels(labels);
      }
      if (events != null) {
        request = request.withEvents(events);
      }
      return request;
    }
  }

  static void printSummary(PrintWriter out, ImportSummary summary) {
    out.printf(
        Locale.ROOT,
        "%-9s %-22s %10s %10s %10s %9s %12s%n",
        "kind",
        "file",
        "read",
        "accepted",
        "duplicate",
        "seconds",
        "rows/s");
    for (ImportSummary.FileSummary f : summary.files()) {
      out.printf(
          Locale.ROOT,
          "%-9s %-22s %,10d %,10d %,10d %9.2f %,12.0f%n",
          f.kind(),
          f.file(),
          f.rowsRead(),
          f.accepted(),
          f.duplicates(),
          f.elapsed().toNanos() / 1e9,
          f.rowsPerSecond());
    }
    out.printf(
        Locale.ROOT,
        "imported %,d of %,d rows in %.2f s%n",
        summary.accepted(),
        summary.rowsRead(),
        summary.elapsed().toNanos() / 1e9);
    out.flush();
  }

  /** A command that opens an existing data directory and reports on it. */
  abstract static class OnExistingData implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "FanShelf data directory.")
    Path data;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    abstract int run(Indexer indexer, PrintWriter out) throws IOException;

    @Override
    public Integer call() throws Exception {
      if (!Files.isDirectory(data)) {
        spec.commandLine().getErr().println("error: no data directory at " + data);
        return REJECTED;
      }
      try (Indexer indexer = Indexer.open(IndexerOptions.of(data))) {
        PrintWriter out = spec.commandLine().getOut();
        int code = run(indexer, out);
        out.flush();
        return code;
      }
    }
  }

  @Command(name = "stats", description = "Counts and sizes of a data directory.")
  static final class Stats extends OnExistingData {
    @Override
    int run(Indexer indexer, PrintWriter out) throws IOException {
      Indexer.Stats stats = indexer.stats();
      out.printf(Locale.ROOT, "backend          %s%n", stats.backend());
      out.printf(Locale.ROOT, "taxonomy         v%d%n", stats.taxonomyVersion());
      out.printf(Locale.ROOT, "owners           %,d%n", stats.owners());
      out.printf(Locale.ROOT, "products         %,d%n", stats.products());
      out.printf(Locale.ROOT, "fans (owner,fan) %,d%n", stats.fans());
      out.printf(Locale.ROOT, "events           %,d%n", stats.events());
      stats
          .disk()
          .ifPresent(
              d ->
                  out.printf(
                      Locale.ROOT,
                      "disk             catalog %,d B, fans %,d B, events %,d B%n",
                      d.catalogBytes(),
                      d.fanBytes(),
                      d.eventBytes()));
      return 0;
    }
  }

  @Command(
      name = "rebuild",
      description =
          "Recount the derived aggregates (popularity, co-occurrence, affinities, label lifts) from"
              + " the event log and print what they hold. A server rebuilds them when it starts;"
              + " this checks the log and measures the cost.")
  static final class Rebuild extends OnExistingData {
    @Override
    int run(Indexer indexer, PrintWriter out) throws IOException {
      long started = System.nanoTime();
      var stats = indexer.rebuildAggregates();
      out.printf(
          Locale.ROOT,
          "rebuilt from %,d events (%,d positive) in %.2f s: %,d products, %,d fans, %,d owners,"
              + " %,d co-occurrence entries, %,d category keys, %,d label values%n",
          stats.eventsSeen(),
          stats.positiveEvents(),
          (System.nanoTime() - started) / 1e9,
          stats.products(),
          stats.fans(),
          stats.owners(),
          stats.neighbourEntries(),
          stats.categoryKeys(),
          stats.labelValues());
      return 0;
    }
  }
}
