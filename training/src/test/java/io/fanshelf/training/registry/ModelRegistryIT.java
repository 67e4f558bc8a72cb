package io.fanshelf.training.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.recommender.RecommendRequest;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.ranking.HeuristicRanker;
import io.fanshelf.recommender.ranking.Ranker;
import io.fanshelf.recommender.rules.CurationLookup;
import io.fanshelf.training.SyntheticFixture;
import io.fanshelf.training.model.Fit;
import io.fanshelf.training.model.LogisticOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publish and roll back switch a live recommender's ranker, without a restart. */
class ModelRegistryIT {
  @TempDir Path dir;

  @Test
  void publishAndRollbackSwitchTheLiveRecommender() throws Exception {
    try (SyntheticFixture fixture = SyntheticFixture.open(dir)) {
      Recommender recommender =
          Recommender.open(fixture.indexer, RecommenderOptions.defaults(), CurationLookup.NONE);
      Ranker heuristic = recommender.rankers().current();
      assertEquals("heuristic-v1", heuristic.name());
      ModelRegistry registry = new ModelRegistry(fixture.dataDir());
      LogisticOptions a = LogisticOptions.defaults(1);
      String first =
          registry
              .save(
                  Fit.fit(ModelArtifactTest.toyData(1), a),
                  ModelArtifactTest.info(a),
                  Instant.parse("2025-01-01T00:00:00Z"))
              .id();
      LogisticOptions b = new LogisticOptions(5, 1e-5, 500, 2);
      String second =
          registry
              .save(
                  Fit.fit(ModelArtifactTest.toyData(2), b),
                  ModelArtifactTest.info(b),
                  Instant.parse("2025-01-02T00:00:00Z"))
              .id();
      assertEquals(2, registry.list().size());

      LinkedBlockingQueue<String> switches = new LinkedBlockingQueue<>();
      recommender.rankers().onChange(r -> switches.add(r.name()));
      try (ModelWatch watch =
          registry
              .watcher(recommender.rankers(), new HeuristicRanker())
              .start(Duration.ofMillis(20))) {
        assertEquals("heuristic-v1", switches.poll(10, TimeUnit.SECONDS)); // nothing published
        assertFalse(watch.refresh()); // nothing changed since
        registry.publish(first);
        assertEquals(first, switches.poll(10, TimeUnit.SECONDS));
        registry.publish(second);
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
        assertEquals("heuristic-v1", switches.poll(10, TimeUnit.SECONDS));
      }
      assertThrows(IllegalStateException.class, registry::rollback);
      assertTrue(registry.published().isEmpty());
    }
  }

  @Test
  void aTamperedModelIsNotPublishedAndDoesNotReplaceTheRunningOne() throws Exception {
    ModelRegistry registry = new ModelRegistry(dir);
    LogisticOptions a = LogisticOptions.defaults(1);
    String id =
        registry
            .save(
                Fit.fit(ModelArtifactTest.toyData(1), a), ModelArtifactTest.info(a), Instant.now())
            .id();
    Path file = registry.root().resolve(id).resolve(ModelRegistry.FILE);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x10;
    Files.write(file, bytes);
    assertThrows(ArtifactRefusedException.class, () -> registry.publish(id));
    assertTrue(registry.published().isEmpty());
    var holder = new io.fanshelf.recommender.ranking.RankerHolder(new HeuristicRanker());
    // someone wrote the pointer by hand: the watch keeps the running ranker
    Files.writeString(registry.root().resolve(ModelRegistry.PUBLISHED), id + "\n");
    try (ModelWatch watch = registry.watcher(holder, new HeuristicRanker())) {
      assertFalse(watch.refresh());
      assertEquals("heuristic-v1", holder.current().name());
    }
  }
}
