package io.fanshelf.indexer.cli;

import io.fanshelf.indexer.convert.BeautyDemoShop;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-beauty-demo}: writes the import files of the generated beauty and home shop. */
@Command(
    name = "generate-beauty-demo",
    description =
        "Generate the demo's beauty and home shop (shop-mei: taxonomy, catalog, fans, labels,"
            + " events) as import files; deterministic for a seed (docs/demo-data.md).")
final class GenerateBeautyDemo implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "Folder to write the import files to.")
  Path out;

  @Option(names = "--seed", defaultValue = "17", description = "Random seed (default 17).")
  long seed;

  @Option(names = "--fans", defaultValue = "800", description = "Fans, 1-9999 (default 800).")
  int fans;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BeautyDemoShop.Options options;
    try {
      options = new BeautyDemoShop.Options(seed, fans);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return IndexerCli.REJECTED;
    }
    BeautyDemoShop.Summary summary = new BeautyDemoShop(options).generate(out);
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "wrote %s: %,d products, %,d fans (%,d labelled, %,d labels), %,d events%n",
            out,
            summary.products(),
            summary.fans(),
            summary.labelledFans(),
            summary.labels(),
            summary.events());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
