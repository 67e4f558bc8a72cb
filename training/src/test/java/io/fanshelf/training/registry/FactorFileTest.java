package io.fanshelf.training.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.collaborative.Collaborative;
import io.fanshelf.recommender.collaborative.FactorModel;
import io.fanshelf.recommender.collaborative.FanItems;
import io.fanshelf.recommender.collaborative.ItemIndex;
import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.ranking.FeatureRanker;
import io.fanshelf.recommender.ranking.RankingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactorFileTest {
  private static FactorModel model(boolean confidence) {
    float[] factors = {1f, 0f, 0.5f, 0.5f, 0f, 1f};
    return new FactorModel(
        new ItemIndex(List.of(ProductId.of("a"), ProductId.of("b"), ProductId.of("c"))),
        2,
        factors,
        FactorModel.gramian(factors, 3, 2),
        0.01,
        0.1,
        1.0,
        confidence);
  }

  @Test
  void aConfidenceModelRoundTripsAndFoldsInAsBefore(@TempDir Path dir) throws Exception {
    FactorModel written = model(true);
    FactorFile.write(written, dir.resolve("m.factors"));
    FactorModel read = FactorFile.read(dir.resolve("m.factors"));
    assertTrue(read.confidence());
    assertEquals(written.items().ids(), read.items().ids());
    FanItems fan = new FanItems(new int[] {0}, new float[] {1f});
    assertArrayEquals(written.foldIn(fan), read.foldIn(fan), 0);
    // the confidence loss folds in differently from Rendle's on the same vectors
    double[] rendle = model(false).foldIn(fan);
    assertTrue(Math.abs(rendle[0] - read.foldIn(fan)[0]) > 1e-3);
  }

  @Test
  void theRegistryPayloadKeepsTheLoss() throws Exception {
    for (boolean confidence : new boolean[] {true, false}) {
      RankingModel ranking =
          new RankingModel(
              "r",
              Collaborative.of(model(confidence)),
              new FeatureRanker("r", Feature.ALS_SCORE, Feature.ALS_SCORE),
              false);
      RankingModel back = ModelCodec.decode(ModelCodec.encode(ranking), "r", "r.fsm");
      FactorModel factors = (FactorModel) back.collaborative().models().get(0);
      assertEquals(confidence, factors.confidence());
    }
  }

  @Test
  void aDamagedOrForeignFileIsRefusedNamingIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m.factors");
    FactorFile.write(model(true), file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[20] ^= 1;
    Files.write(file, bytes);
    assertEquals(
        file + " is damaged (checksum mismatch): write it again",
        assertThrows(ArtifactRefusedException.class, () -> FactorFile.read(file)).getMessage());
    Files.writeString(file, "id,fan,product\n");
    assertEquals(
        file + " is not a FanShelf factor file (no FSFACTORS header)",
        assertThrows(ArtifactRefusedException.class, () -> FactorFile.read(file)).getMessage());
  }
}
