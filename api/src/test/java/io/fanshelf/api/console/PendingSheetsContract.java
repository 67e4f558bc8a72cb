package io.fanshelf.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.api.system.Uploads;
import io.fanshelf.indexer.model.OwnerId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PendingSheets} must do; run in memory and on Redis. {@link #other} is the store
 * as another node sees it (the same store for one node alone).
 */
public abstract class PendingSheetsContract {
  private static final OwnerId LILY = OwnerId.of("shop-lily");
  private static final OwnerId MU = OwnerId.of("shop-mu");

  protected abstract PendingSheets store();

  protected abstract PendingSheets other();

  private static Uploads sheet(String name, String content) throws Exception {
    return Uploads.restore(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aKeptSheetIsTakenOnceByItsOwnerWithItsNameAndBytes() throws Exception {
    String content = "fan,skin_type\nfan-0001,油皮\n";
    String id = store().keep(LILY, sheet("labels.csv", content));

    assertThat(other().take(MU, id)).as("another owner's").isEmpty();
    assertThat(other().take(LILY, "unknown")).isEmpty();
    Optional<Uploads> taken = other().take(LILY, id);
    assertThat(taken).isPresent();
    try (Uploads sheet = taken.get()) {
      assertThat(sheet.file().getFileName().toString()).isEqualTo("labels.csv");
      assertThat(Files.readString(sheet.file(), StandardCharsets.UTF_8)).isEqualTo(content);
    }
    assertThat(store().take(LILY, id)).as("applied once").isEmpty();
  }

  @Test
  void sheetsAreKeptApart() throws Exception {
    String first = store().keep(LILY, sheet("a.csv", "a"));
    String second = store().keep(LILY, sheet("b.csv.gz", "b"));
    assertThat(first).isNotEqualTo(second);
    try (Uploads b = other().take(LILY, second).orElseThrow();
        Uploads a = other().take(LILY, first).orElseThrow()) {
      assertThat(Files.readString(a.file())).isEqualTo("a");
      assertThat(b.file().getFileName().toString()).isEqualTo("b.csv.gz");
    }
  }
}
