package io.fanshelf.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.training.dataset.SamplingOptions;
import io.fanshelf.training.dataset.Split;
import io.fanshelf.training.model.LambdaMartOptions;
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
              new SamplingOptions(10, 0.5, SamplingOptions.MAX_FANS, 5),
              new LambdaMartOptions(20, 8, 5, 0.1, 0.8, 10, 5),
              new LogisticOptions(0.1, 1e-5, 200, 5),
              false,
              TuningBudget.wholeGrid(java.time.Duration.ofSeconds(30)),
              0.2,
              new io.fanshelf.training.dataset.LastSplit(0.2),
              5);
      Retraining.Result result =
          new Retraining(
                  fixture.indexer, RecommenderOptions.defaults(), UnaryOperator.identity(), clock)
              .run(
                  new Retraining.Request(Split.parse("time:0.8"), Retraining.Keep.LEARNED, options),
                  registry,
                  Progress.NONE);
      ArtifactInfo info = result.info();
      assertTrue(info.id().startsWith("learned-20261201T000000Z-"), info.id());
      assertEquals("lambdamart", info.algorithm());
      assertEquals(Feature.names(), info.featureSchema());
      assertTrue(
          info.metrics().containsKey(ArtifactInfo.VALIDATION_NDCG), info.metrics().toString());
      assertTrue(
          info.validation().containsKey("baseline:popularity"), info.validation().toString());
      assertTrue(info.collaborative().containsKey("ials"), info.collaborative().toString());
      assertEquals(5, info.seed());
      assertEquals("2026-12-01T00:00:00Z", info.createdAt());
      assertTrue(info.metrics().get("candidateRecall") > 0);
      assertEquals(
          String.join(
              ",",
              RecommenderOptions.defaults().sources().get(io.fanshelf.recommender.Section.FOR_YOU)),
          info.serving().get("fanshelf.recommend.sources.for-you"));
      assertEquals("PT336H", info.serving().get("fanshelf.aggregates.popularity-half-life"));
      assertEquals(Optional.empty(), registry.current(), "not published");
      assertEquals(info.id(), registry.load(info.id()).info().id(), "stored and loadable");
    }
  }

  @Test
  void refusesAnUnknownChoiceBeforeLoadingAnything() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Retraining.Keep.parse("forest"));
    assertEquals(
        "expected served (the ranking validation chooses) or learned, got 'forest'",
        e.getMessage());
  }
}
