package io.fanshelf.indexer.ingest;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.BeautyHomeFixture;
import io.fanshelf.indexer.taxonomy.Taxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerLabelsTest {
  private static final OwnerId LILY = BeautyHomeFixture.LILY;
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  @TempDir Path dir;

  private final Taxonomy taxonomy = BeautyHomeFixture.taxonomy();

  @Test
  void readsASheetWithoutOwnerColumnAsTheSignedInOwners() throws Exception {
    Path file = dir.resolve("labels.csv");
    Files.writeString(
        file, "fan_id,skin_type,home_style\nfan-0001,油皮,性价比;Good looks\nfan-0002,,\n");
    OwnerLabels.Sheet sheet = OwnerLabels.readSheet(file, LILY, taxonomy, NOW, "import:labels.csv");
    Assertions.assertTrue(sheet.valid(), sheet.errors().toString());
    Assertions.assertEquals(2, sheet.rowsRead());
    Assertions.assertEquals(2, sheet.labels().size());
    Label skin = sheet.rows().getFirst().labels().getFirst();
    Assertions.assertEquals(LILY, skin.owner());
    Assertions.assertEquals(List.of("oily"), skin.values());
    Assertions.assertEquals(LabelSource.IMPORT, skin.source());
    Assertions.assertEquals(List.of(), sheet.rows().get(1).labels());
  }

  @Test
  void reportsEveryErrorWithLineAndColumn() throws Exception {
    Path file = dir.resolve("labels.csv");
    Files.writeString(
        file,
        "owner_id,fan_id,skin_type,price_sensitivity\n"
            + "shop-mu,fan-0001,dry,\n"
            + ",fan-0002,olly,very\n"
            + ",fan-0003,dry,\n"
            + ",fan-0003,oily,\n");
    OwnerLabels.Sheet sheet = OwnerLabels.readSheet(file, LILY, taxonomy, NOW, "x");
    Assertions.assertFalse(sheet.valid());
    Assertions.assertEquals(4, sheet.totalErrors());
    Assertions.assertEquals(
        List.of("2 owner_id", "3 skin_type", "3 price_sensitivity", "5 "),
        sheet.errors().stream().map(e -> e.line() + " " + e.field()).toList());
  }

  @Test
  void anUnknownColumnIsAnError() throws Exception {
    Path file = dir.resolve("labels.csv");
    Files.writeString(file, "fan_id,skintype\nfan-0001,dry\n");
    OwnerLabels.Sheet sheet = OwnerLabels.readSheet(file, LILY, taxonomy, NOW, "x");
    Assertions.assertEquals("skintype", sheet.errors().getFirst().field());
  }

  @Test
  void validatesOneLabelLikeASheetCell() throws Exception {
    Label label =
        OwnerLabels.label(
            LILY,
            FanId.of("fan-0001"),
            "home_style",
            List.of("颜值", "value"),
            0.8,
            LabelSource.OWNER,
            NOW,
            "owner:shop-lily",
            taxonomy);
    Assertions.assertEquals(List.of("looks", "value"), label.values());
    Assertions.assertEquals(0.8, label.confidence());
    ImportRejectedException many =
        Assertions.assertThrows(
            ImportRejectedException.class,
            () ->
                OwnerLabels.label(
                    LILY,
                    FanId.of("f"),
                    "skin_type",
                    List.of("dry", "oily"),
                    1,
                    LabelSource.OWNER,
                    NOW,
                    "a",
                    taxonomy));
    Assertions.assertEquals("values", many.errors().getFirst().field());
    ImportRejectedException unknown =
        Assertions.assertThrows(
            ImportRejectedException.class,
            () ->
                OwnerLabels.label(
                    LILY,
                    FanId.of("f"),
                    "hair",
                    List.of("red"),
                    1,
                    LabelSource.OWNER,
                    NOW,
                    "a",
                    taxonomy));
    Assertions.assertEquals("dimension", unknown.errors().getFirst().field());
    ImportRejectedException confidence =
        Assertions.assertThrows(
            ImportRejectedException.class,
            () ->
                OwnerLabels.label(
                    LILY,
                    FanId.of("f"),
                    "skin_type",
                    List.of("dry"),
                    1.5,
                    LabelSource.OWNER,
                    NOW,
                    "a",
                    taxonomy));
    Assertions.assertEquals("confidence", confidence.errors().getFirst().field());
  }
}
