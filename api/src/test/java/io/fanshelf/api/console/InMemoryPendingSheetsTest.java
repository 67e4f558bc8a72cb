package io.fanshelf.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.api.system.Uploads;
import io.fanshelf.indexer.model.OwnerId;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryPendingSheetsTest extends PendingSheetsContract {
  private final InMemoryPendingSheets sheets = new InMemoryPendingSheets(Clock.systemUTC());

  @Override
  protected PendingSheets store() {
    return sheets;
  }

  @Override
  protected PendingSheets other() {
    return sheets;
  }

  @AfterEach
  void close() {
    sheets.close();
  }

  @Test
  void anExpiredSheetIsGoneAndItsFileDeleted() throws Exception {
    Instant start = Instant.parse("2026-12-01T10:00:00Z");
    InMemoryPendingSheets early = new InMemoryPendingSheets(Clock.fixed(start, ZoneOffset.UTC));
    Uploads sheet = Uploads.restore("old.csv", new byte[] {'x'});
    String id = early.keep(OwnerId.of("shop-lily"), sheet);
    InMemoryPendingSheets late =
        new InMemoryPendingSheets(
            Clock.fixed(
                start.plus(PendingSheets.KEEP).plus(Duration.ofSeconds(1)), ZoneOffset.UTC));
    assertThat(late.take(OwnerId.of("shop-lily"), id)).isEmpty();
    early.close();
    assertThat(Files.exists(sheet.file())).isFalse();
  }
}
