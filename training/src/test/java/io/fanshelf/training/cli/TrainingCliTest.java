package io.fanshelf.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCliTest {
  @TempDir Path dir;

  @Test
  void exitCodes() {
    assertEquals(2, TrainingCli.run("evaluate", "--data", dir.resolve("missing").toString()));
    assertEquals(2, TrainingCli.run("evaluate", "--data", dir.toString(), "--split", "time:2"));
    assertEquals(2, TrainingCli.run("list"));
    assertEquals(0, TrainingCli.run("list", "--data", dir.toString()));
    assertEquals(2, TrainingCli.run("rollback", "--data", dir.toString()));
    assertEquals(2, TrainingCli.run("publish", "--data", dir.toString(), "not-an-id"));
    assertEquals(
        2, TrainingCli.run("publish", "--data", dir.toString(), "gbt-20250101T000000Z-0123abcd"));
    assertEquals(0, TrainingCli.run("--help"));
  }
}
