package io.fanshelf.indexer.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.cli.IndexerCli;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child JVM with SIGKILL while it writes, then reopens the store and checks that every
 * acknowledged write is there and no batch is half applied.
 */
class KillDashNineIT {
  private static final Random RANDOM = new Random();

  @TempDir Path dir;

  private static Process child(Path stdout, Class<?> main, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(stdout.toFile()).start();
  }

  @RepeatedTest(3)
  void acknowledgedEventBatchesSurviveAndNoBatchIsHalfApplied() throws Exception {
    Path data = dir.resolve("data");
    int killAfterAcks = 1 + RANDOM.nextInt(40);
    Process process = child(dir.resolve("child.err"), AppendLoop.class, data.toString());
    long acknowledged = 0;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (int acks = 0; acks < killAfterAcks; acks++) {
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("ACK events "), () -> "child said " + line);
        acknowledged = Long.parseLong(line.substring("ACK events ".length()));
      }
      process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    }

    try (LuceneBackend store = LuceneBackend.open(data)) {
      long count = store.events().count();
      assertTrue(
          count >= acknowledged, "lost acknowledged events: " + count + " < " + acknowledged);
      assertEquals(0, count % AppendLoop.BATCH, "a batch was half applied: " + count);
      for (long n = 0; n < acknowledged; n += 97) {
        assertTrue(store.events().contains(EventId.of("e" + n)), "missing e" + n);
      }
    }
  }

  @Test
  void killedImportLeavesThePreviousImportIntactAndNothingOfItself() throws Exception {
    Path data = dir.resolve("data");
    Path catalog = dir.resolve("catalog.csv");
    Files.writeString(
        catalog,
        "id,title,category,price,created_at\np1,Tea,Drinks>Tea,9.9,2026-01-01T00:00:00Z\n");
    Path first = events(dir.resolve("first.csv"), "a", 1_000);
    assertEquals(
        0,
        IndexerCli.run(
            "import",
            "--data",
            data.toString(),
            "--catalog",
            catalog.toString(),
            "--events",
            first.toString()));

    Path big = events(dir.resolve("big.csv"), "b", 400_000);
    Path log = dir.resolve("import.err");
    Process process =
        child(
            log, IndexerCli.class, "import", "--data", data.toString(), "--events", big.toString());
    // Wait until the child is applying (writing to the index), then kill it mid-batch.
    while (!Files.exists(log) || !Files.readString(log).contains("apply big.csv: 10%")) {
      assertTrue(process.isAlive(), () -> "import ended before it could be killed: " + read(log));
      Thread.onSpinWait();
    }
    process.destroyForcibly();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));

    try (LuceneBackend store = LuceneBackend.open(data)) {
      assertEquals(1_000, store.events().count(), "the killed import must leave no trace");
      assertTrue(store.events().contains(EventId.of("a999")));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static Path events(Path file, String prefix, int count) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("id,fan,product,type,time\n");
      for (int i = 0; i < count; i++) {
        out.write(prefix + i + ",fan" + (i % 1000) + ",p1,view,2026-02-01T10:00:00Z\n");
      }
    }
    return file;
  }
}
