package io.fanshelf.training.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.ranking.FeatureRanker;
import io.fanshelf.recommender.ranking.RankingHolder;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.rules.CurationLookup;
import io.fanshelf.recommender.settings.FeatureSettings;
import io.fanshelf.recommender.settings.RankingSettings;
import io.fanshelf.training.SyntheticFixture;
import io.fanshelf.training.model.Fit;
import io.fanshelf.training.model.LogisticOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publish, the gate and roll back switch a live recommender's ranking, without a restart. */
class ModelRegistryIT {
  private static final FeatureSettings DEFAULT_SETTINGS =
      RankingSettings.defaults().featureSettings();

  @TempDir Path dir;

  private static RankingModel linear(long seed) {
    return ModelArtifactTest.toyModel(
        Fit.fit(ModelArtifactTest.toyData(seed), LogisticOptions.defaults(seed), "toy"));
  }

  @Test
  void publishAndRollbackSwitchTheLiveRecommender() throws Exception {
    try (SyntheticFixture fixture = SyntheticFixture.open(dir)) {
      Recommender recommender =
          Recommender.open(fixture.indexer, RecommenderOptions.defaults(), CurationLookup.NONE);
      assertEquals("popularity", recommender.rankings().current().name());
      ModelRegistry registry = new ModelRegistry(fixture.dataDir());
      String first =
          registry
              .save(
                  linear(1),
                  ModelArtifactTest.info("learned", 0.10, 0.05),
                  Instant.parse("2025-01-01T00:00:00Z"))
              .id();
      String second =
          registry
              .save(
                  linear(2),
                  ModelArtifactTest.info("learned", 0.11, 0.05),
                  Instant.parse("2025-01-02T00:00:00Z"))
              .id();
      String validated =
          registry
              .save(
                  new RankingModel(
                      "popularity",
                      io.fanshelf.recommender.collaborative.Collaborative.NONE,
                      FeatureRanker.popularity(),
                      true),
                  ModelArtifactTest.info("popularity", 0.05, 0.05),
                  Instant.parse("2025-01-03T00:00:00Z"))
              .id();
      assertEquals(3, registry.list().size());
      // a save cut short (a crash before its folder was moved into place) is not a model
      Files.createDirectories(
          registry.root().resolve(".staging-learned-20250104T000000Z-00000000"));
      assertEquals(3, registry.list().size());

      LinkedBlockingQueue<String> switches = new LinkedBlockingQueue<>();
      recommender.rankings().onChange(r -> switches.add(r.name()));
      try (ModelWatch watch =
          registry
              .watcher(recommender.rankings(), RankingModel.popularity(), DEFAULT_SETTINGS)
              .start(Duration.ofMillis(20))) {
        // nothing published or validated
        assertEquals("popularity", switches.poll(10, TimeUnit.SECONDS));
        assertFalse(watch.refresh());
        registry.validate(validated);
        assertEquals(validated, switches.poll(10, TimeUnit.SECONDS));
        registry.publish(first, false);
        assertEquals(first, switches.poll(10, TimeUnit.SECONDS));
        registry.publish(second, false);
        assertEquals(second, switches.poll(10, TimeUnit.SECONDS));
        FanId fan = FanId.of("f1");
        var shelf =
            recommender.recommend(
                RecommendRequest.forYou(
                    fixture.data.ownerOf(fan).orElseThrow(),
                    fan,
                    10,
                    Instant.parse("2026-01-01T00:00:00Z")));
        assertEquals(second, shelf.ranker());

        assertEquals(first, registry.rollback().orElseThrow());
        assertEquals(first, switches.poll(10, TimeUnit.SECONDS));
        assertTrue(registry.rollback().isEmpty());
        // back to what validation chose
        assertEquals(validated, switches.poll(10, TimeUnit.SECONDS));
      }
      assertThrows(IllegalStateException.class, registry::rollback);
      assertTrue(registry.published().isEmpty());
    }
  }

  @Test
  void theGateRefusesAModelThatLosesUnlessForcedAndTheArtifactRecordsIt() throws Exception {
    ModelRegistry registry = new ModelRegistry(dir);
    String loser =
        registry
            .save(linear(1), ModelArtifactTest.info("learned", 0.040, 0.050), Instant.now())
            .id();
    var e = assertThrows(PublishRefusedException.class, () -> registry.publish(loser, false));
    assertTrue(e.getMessage().contains("0.0400"), e.getMessage());
    assertTrue(e.getMessage().contains("popularity 0.0500"), e.getMessage());
    assertTrue(e.getMessage().contains("(ease) 0.0505"), e.getMessage());
    assertTrue(registry.published().isEmpty());
    assertFalse(registry.load(loser).info().forced());

    registry.publish(loser, true);
    assertEquals(loser, registry.current().orElseThrow());
    assertTrue(registry.load(loser).info().forced(), "the artifact records the forced publish");

    String winner =
        registry
            .save(linear(2), ModelArtifactTest.info("learned", 0.060, 0.050), Instant.now())
            .id();
    assertTrue(registry.gate(winner).passes());
    registry.publish(winner, false);
    assertEquals(winner, registry.current().orElseThrow());
  }

  @Test
  void aTamperedModelIsNotPublishedAndDoesNotReplaceTheRunningOne() throws Exception {
    ModelRegistry registry = new ModelRegistry(dir);
    String id =
        registry.save(linear(1), ModelArtifactTest.info("learned", 0.1, 0.05), Instant.now()).id();
    Path file = registry.root().resolve(id).resolve(ModelRegistry.FILE);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x10;
    Files.write(file, bytes);
    assertThrows(ArtifactRefusedException.class, () -> registry.publish(id, true));
    assertTrue(registry.published().isEmpty());
    var holder = new RankingHolder(RankingModel.popularity());
    // someone wrote the pointer by hand: the watch keeps the running ranking
    Files.writeString(registry.root().resolve(ModelRegistry.PUBLISHED), id + "\n");
    try (ModelWatch watch = registry.watcher(holder, RankingModel.popularity(), DEFAULT_SETTINGS)) {
      assertFalse(watch.refresh());
      assertEquals("popularity", holder.current().name());
    }
  }

  @Test
  void aModelCopiedFromAnotherNodeIsInstalledWholeAndOnlyUnderItsOwnId() throws Exception {
    ModelRegistry from = new ModelRegistry(dir.resolve("node-a"));
    ModelRegistry to = new ModelRegistry(dir.resolve("node-b"));
    String id =
        from.save(linear(1), ModelArtifactTest.info("learned", 0.1, 0.05), Instant.now()).id();
    byte[] artifact = from.artifactBytes(id);
    String other = "learned-20250101T000000Z-00000000";
    assertThrows(ArtifactRefusedException.class, () -> to.install(other, artifact));
    assertFalse(to.contains(other));
    to.install(id, artifact);
    to.install(id, artifact); // already here: nothing changes
    assertEquals(List.of(id), to.list().stream().map(e -> e.info().id()).toList());
    assertEquals(from.info(id), to.info(id));
  }
}
