package io.fanshelf.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.training.SyntheticFixture;
import io.fanshelf.training.TrainingOptions;
import io.fanshelf.training.dataset.FanCase;
import io.fanshelf.training.dataset.Partition;
import io.fanshelf.training.dataset.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --test-events FILE}: the file is validated like an import and split from it. */
class TestEventsFileTest {
  @TempDir Path dir;

  @Test
  void givenTestEventsBecomeTheLabelSide() throws Exception {
    try (SyntheticFixture fixture = SyntheticFixture.open(dir)) {
      Path file = dir.resolve("test-events.csv");
      Files.writeString(
          file,
          "id,fan,product,type,time,value\n"
              + "t1,f1,p3,purchase,2026-02-01T10:00:00Z,1\n"
              + "t2,f1,p5,purchase,2026-02-03T10:00:00Z,1\n"
              + "t3,f2,p7,view,2026-02-02T10:00:00Z,\n");
      List<Event> events = fixture.indexer.readEventsFile(file);
      assertEquals(3, events.size());
      assertEquals(6_000, fixture.indexer.store().events().count()); // nothing written
      Partition p =
          Split.given("test-events.csv", events)
              .partition(fixture.data, e -> true, TrainingOptions.parseTargets("purchase"), true);
      assertEquals(1, p.cases().size()); // f2 only viewed
      FanCase f1 = p.cases().getFirst();
      assertEquals("f1", f1.fan().value());
      assertEquals(events.getFirst().time(), f1.now());
      assertEquals(2, f1.relevant().size());
    }
  }

  @Test
  void badRowsAreRejectedWithTheirLine() throws Exception {
    try (SyntheticFixture fixture = SyntheticFixture.open(dir)) {
      Path file = dir.resolve("bad.csv");
      Files.writeString(
          file,
          "id,fan,product,type,time,value\n"
              + "t1,f1,no-such-product,purchase,2026-02-01T10:00:00Z,1\n");
      var e =
          assertThrows(ImportRejectedException.class, () -> fixture.indexer.readEventsFile(file));
      assertTrue(
          e.errors().getFirst().toString().contains("no-such-product"), e.errors().toString());
    }
  }
}
