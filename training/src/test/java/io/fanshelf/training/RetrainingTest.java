package io.fanshelf.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.feature.FeatureSchema;
import io.fanshelf.training.dataset.SamplingOptions;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.model.GbtOptions;
import io.fanshelf.training.model.LogisticOptions;
import io.fanshelf.training.registry.ArtifactInfo;
import io.fanshelf.training.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainingTest {
  @TempDir Path dir;

  @Test
  void storesAnUnpublishedModelWithWhatServingMustShare() throws Exception {
    try (SyntheticFixture fixture = SyntheticFixture.open(dir)) {
      ModelRegistry registry = new ModelRegistry(fixture.dataDir());
      Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
      // Small and untuned: this checks what is stored, not how good the model is.
      TrainingOptions options =
          new TrainingOptions(
              TrainingOptions.parseTargets("purchase"),
              false,
              new SamplingOptions(10, 0.5, 5),
              new GbtOptions(20, 3, 8, 5, 0.1, 0.7, 5),
              new LogisticOptions(0.1, 1e-5, 200, 5),
              false,
              5);
      Retraining.Result result =
          new Retraining(
                  fixture.indexer, RecommenderOptions.defaults(), UnaryOperator.identity(), clock)
              .run(
                  new Retraining.Request(Split.parse("time:0.8"), "logistic", options),
                  registry,
                  Progress.NONE);
      ArtifactInfo info = result.info();
      assertTrue(info.id().startsWith("logistic-20261201T000000Z-"), info.id());
      assertEquals(FeatureSchema.names(), info.featureSchema());
      assertEquals(5, info.seed());
      assertEquals("2026-12-01T00:00:00Z", info.createdAt());
      assertTrue(info.metrics().get("candidateRecall") > 0);
      assertEquals(
          String.join(
              ",",
              RecommenderOptions.defaults().sources().get(io.fanshelf.recommender.Section.FOR_YOU)),
          info.serving().get("forYouSources"));
      assertEquals(Optional.empty(), registry.current(), "not published");
      assertEquals(info.id(), registry.load(info.id()).info().id(), "stored and loadable");
    }
  }

  @Test
  void refusesAnUnknownAlgorithmBeforeLoadingAnything() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Retraining.Request(
                    Split.parse("time:0.8"), "forest", TrainingOptions.defaults(1)));
    assertEquals("algorithm must be gbt or logistic, got 'forest'", e.getMessage());
  }
}
