package io.fanshelf.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IndexerCliTest {
  @TempDir Path dir;

  @Test
  void importPrintsASummaryAndExitsZero() throws Exception {
    Path catalog = dir.resolve("catalog.csv");
    Files.writeString(
        catalog, "id,title,category,price,created_at\np1,花茶,食品>茶,29,2026-01-01T00:00:00Z\n");
    Path events = dir.resolve("events.csv");
    Files.writeString(events, "id,fan,product,type,time\ne1,f1,p1,view,2026-02-01T00:00:00Z\n");
    CliRun result =
        CliRun.of(
            "import",
            "--data",
            dir.resolve("data").toString(),
            "--catalog",
            catalog.toString(),
            "--events",
            events.toString());
    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().contains("imported 2 of 2 rows"), result.out());

    CliRun stats = CliRun.of("stats", "--data", dir.resolve("data").toString());
    assertEquals(0, stats.code(), stats.err());
    assertTrue(stats.out().matches("(?s).*products\\s+1\\b.*events\\s+1\\b.*"), stats.out());
  }

  @Test
  void rejectedInputExitsTwoAndNamesTheLine() throws Exception {
    Path events = dir.resolve("events.csv");
    Files.writeString(events, "id,fan,product,type,time\ne1,f1,nope,view,2026-02-01T00:00:00Z\n");
    CliRun result =
        CliRun.of(
            "import", "--data", dir.resolve("data").toString(), "--events", events.toString());
    assertEquals(2, result.code());
    assertTrue(
        result.err().contains("events.csv:2 [product]: unknown product 'nope'"), result.err());
  }

  @Test
  void badArgumentsExitTwoAndIoFailuresExitOne() throws Exception {
    assertEquals(2, CliRun.of("import", "--no-such-option").code());
    assertEquals(
        2,
        CliRun.of("import", "--data", dir.resolve("data").toString()).code(),
        "nothing to import");
    Path missing = dir.resolve("missing.csv");
    assertEquals(
        1,
        CliRun.of(
                "import", "--data", dir.resolve("data").toString(), "--events", missing.toString())
            .code());
  }

  @Test
  void everySubcommandAnswersHelpWithExitZero() {
    Set<String> commands = new CommandLine(new IndexerCli()).getSubcommands().keySet();
    assertTrue(
        commands.containsAll(List.of("import", "stats", "rebuild", "convert-completejourney")),
        commands.toString());
    for (String command : commands) {
      CliRun result = CliRun.of(command, "--help");
      assertEquals(0, result.code(), command + ": " + result.err());
      assertTrue(
          result.out().startsWith("Usage: fanshelf-indexer " + command),
          command + ": " + result.out());
    }
    assertEquals(0, CliRun.of("--help").code());
  }

  @Test
  void rebuildRecountsAnImportedDirectory() throws Exception {
    Path catalog = dir.resolve("catalog.csv");
    Files.writeString(
        catalog, "id,title,category,price,created_at\np1,花茶,食品>茶,29,2026-01-01T00:00:00Z\n");
    Path events = dir.resolve("events.csv");
    Files.writeString(events, "id,fan,product,type,time\ne1,f1,p1,purchase,2026-02-01T00:00:00Z\n");
    String data = dir.resolve("data").toString();
    assertEquals(
        0,
        CliRun.of(
                "import",
                "--data",
                data,
                "--catalog",
                catalog.toString(),
                "--events",
                events.toString())
            .code());
    CliRun result = CliRun.of("rebuild", "--data", data);
    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().startsWith("rebuilt from 1 events (1 positive)"), result.out());
  }
}
