package io.fanshelf.training.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.recommender.feature.FeatureSchema;
import io.fanshelf.training.dataset.Dataset;
import io.fanshelf.training.model.Fit;
import io.fanshelf.training.model.GbtOptions;
import io.fanshelf.training.model.LogisticOptions;
import io.fanshelf.training.model.ModelOptions;
import io.fanshelf.training.model.TrainedModel;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactTest {
  @TempDir Path dir;

  /** Rows where feature 0 decides the label, with noise. */
  static Dataset toyData(long seed) {
    Random random = new Random(seed);
    int n = 600;
    float[][] x = new float[n][FeatureSchema.size()];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < x[i].length; f++) {
        x[i][f] = (float) random.nextGaussian();
      }
      y[i] = x[i][0] + 0.5 * random.nextGaussian() > 0.8 ? 1 : 0;
    }
    return new Dataset(x, y, new int[n], List.of("f"), Instant.EPOCH, "toy", 1, 1);
  }

  static ArtifactInfo info(ModelOptions options) {
    return new ArtifactInfo(
        ModelArtifact.FORMAT_VERSION,
        "pending",
        options.algorithm(),
        options.hyperParameters(),
        FeatureSchema.names(),
        new ArtifactInfo.DataWindow("2017-10-21T00:00:00Z", "toy", 600, 100),
        options.seed(),
        Map.of("validationNdcg@10", 0.05),
        "2025-01-01T00:00:00Z",
        false,
        Map.of("popularityHalfLife", "PT336H"));
  }

  @Test
  void treeAndLogisticModelsRoundTrip() throws Exception {
    Dataset data = toyData(3);
    for (ModelOptions options :
        List.<ModelOptions>of(
            new GbtOptions(40, 4, 8, 10, 0.1, 0.8, 5), LogisticOptions.defaults(5))) {
      TrainedModel model = Fit.fit(data, options);
      Path file = dir.resolve(options.algorithm() + ".fsm");
      new ModelArtifact(info(options), model).write(file);
      ModelArtifact back = ModelArtifact.read(file);
      assertEquals(info(options).toString(), back.info().toString());
      assertEquals(options, back.model().options());
      for (float[] row : data.features()) {
        assertEquals(model.score(row), back.model().score(row), 0.0);
      }
    }
  }

  @Test
  void modelsLearnTheToySignal() {
    Dataset data = toyData(3);
    TrainedModel model = Fit.fit(data, LogisticOptions.defaults(1));
    float[] high = new float[FeatureSchema.size()];
    float[] low = new float[FeatureSchema.size()];
    high[0] = 2;
    low[0] = -2;
    assertTrue(model.score(high) > 0.9, "score " + model.score(high));
    assertTrue(model.score(low) < 0.1, "score " + model.score(low));
  }

  @Test
  void tamperedArtifactIsRefused() throws Exception {
    Path file = dir.resolve("model.fsm");
    new ModelArtifact(
            info(LogisticOptions.defaults(1)), Fit.fit(toyData(1), LogisticOptions.defaults(1)))
        .write(file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x01;
    Files.write(file, bytes);
    var e = assertThrows(ArtifactRefusedException.class, () -> ModelArtifact.read(file));
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
  }

  @Test
  void foreignFilesAreRefused() throws Exception {
    Path text = dir.resolve("notes.fsm");
    Files.writeString(text, "hello, I am not a model at all");
    var e = assertThrows(ArtifactRefusedException.class, () -> ModelArtifact.read(text));
    assertTrue(e.getMessage().contains("not a FanShelf model artifact"), e.getMessage());

    // A bare Java-serialized object, as an attacker would send one.
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(raw)) {
      out.writeObject(new ArrayList<>(List.of("x")));
    }
    Path serialized = dir.resolve("serialized.fsm");
    Files.write(serialized, raw.toByteArray());
    assertThrows(ArtifactRefusedException.class, () -> ModelArtifact.read(serialized));
  }

  @Test
  void filterRefusesClassesOutsideTheAllowList() throws Exception {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(raw)) {
      out.writeObject(new java.util.concurrent.atomic.AtomicLong(3));
    }
    var e =
        assertThrows(
            ArtifactRefusedException.class,
            () -> ModelCodec.decode(GbtOptions.defaults(1), raw.toByteArray(), "evil.fsm"));
    assertTrue(e.getMessage().contains("allow-list"), e.getMessage());
  }

  @Test
  void otherFeatureSchemaIsRefused() throws Exception {
    LogisticOptions options = LogisticOptions.defaults(1);
    ArtifactInfo base = info(options);
    ArtifactInfo old =
        new ArtifactInfo(
            base.formatVersion(),
            base.id(),
            base.algorithm(),
            base.hyperParameters(),
            List.of("some_old_feature"),
            base.dataWindow(),
            base.seed(),
            base.metrics(),
            base.createdAt(),
            false,
            Map.of());
    Path file = dir.resolve("old.fsm");
    new ModelArtifact(old, Fit.fit(toyData(1), options)).write(file);
    var e = assertThrows(ArtifactRefusedException.class, () -> ModelArtifact.read(file));
    assertTrue(e.getMessage().contains("retrain"), e.getMessage());
  }
}
