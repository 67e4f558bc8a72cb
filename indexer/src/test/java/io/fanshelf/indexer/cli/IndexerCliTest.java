package io.fanshelf.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IndexerCliTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = IndexerCli.run(args);
      return new Result(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void importPrintsASummaryAndExitsZero() throws Exception {
    Path catalog = dir.resolve("catalog.csv");
    Files.writeString(
        catalog, "id,title,category,price,created_at\np1,花茶,食品>茶,29,2026-01-01T00:00:00Z\n");
    Path events = dir.resolve("events.csv");
    Files.writeString(events, "id,fan,product,type,time\ne1,f1,p1,view,2026-02-01T00:00:00Z\n");
    Result result =
        run(
            "import",
            "--data",
            dir.resolve("data").toString(),
            "--catalog",
            catalog.toString(),
            "--events",
            events.toString());
    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().contains("imported 2 of 2 rows"), result.out());

    Result stats = run("stats", "--data", dir.resolve("data").toString());
    assertEquals(0, stats.code(), stats.err());
    assertTrue(stats.out().matches("(?s).*products\\s+1\\b.*events\\s+1\\b.*"), stats.out());
  }

  @Test
  void rejectedInputExitsTwoAndNamesTheLine() throws Exception {
    Path events = dir.resolve("events.csv");
    Files.writeString(events, "id,fan,product,type,time\ne1,f1,nope,view,2026-02-01T00:00:00Z\n");
    Result result =
        run("import", "--data", dir.resolve("data").toString(), "--events", events.toString());
    assertEquals(2, result.code());
    assertTrue(
        result.err().contains("events.csv:2 [product]: unknown product 'nope'"), result.err());
  }

  @Test
  void badArgumentsExitTwoAndIoFailuresExitOne() throws Exception {
    assertEquals(2, run("import", "--no-such-option").code());
    assertEquals(
        2, run("import", "--data", dir.resolve("data").toString()).code(), "nothing to import");
    Path missing = dir.resolve("missing.csv");
    assertEquals(
        1,
        run("import", "--data", dir.resolve("data").toString(), "--events", missing.toString())
            .code());
  }

  @Test
  void everySubcommandAnswersHelpWithExitZero() {
    Set<String> commands = new CommandLine(new IndexerCli()).getSubcommands().keySet();
    assertTrue(
        commands.containsAll(List.of("import", "stats", "rebuild", "convert-completejourney")),
        commands.toString());
    for (String command : commands) {
      Result result = run(command, "--help");
      assertEquals(0, result.code(), command + ": " + result.err());
      assertTrue(
          result.out().startsWith("Usage: fanshelf-indexer " + command),
          command + ": " + result.out());
    }
    assertEquals(0, run("--help").code());
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
        run(
                "import",
                "--data",
                data,
                "--catalog",
                catalog.toString(),
                "--events",
                events.toString())
            .code());
    Result result = run("rebuild", "--data", data);
    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().startsWith("rebuilt from 1 events (1 positive)"), result.out());
  }
}
