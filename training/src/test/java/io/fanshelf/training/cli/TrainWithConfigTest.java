package io.fanshelf.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.recommender.ranking.RankingHolder;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.settings.FeatureSettings;
import io.fanshelf.recommender.settings.InvalidSettingException;
import io.fanshelf.training.SyntheticFixture;
import io.fanshelf.training.registry.ArtifactRefusedException;
import io.fanshelf.training.registry.ModelRegistry;
import io.fanshelf.training.registry.ModelWatch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training reads the server's configuration file: a model trained with {@code --config} records the
 * file's feature settings, a server configured by the same file serves it, and a server whose
 * feature settings differ refuses it, naming the keys.
 */
class TrainWithConfigTest {
  @TempDir Path dir;

  private static final String CONFIG =
      """
      server:
        port: 8080
      fanshelf:
        data-dir: somewhere-else
        recommend:
          sources:
            for-you: [label-match, co-visit, affinity, popular]
          history-limit: 150
          rules:
            frequency-cap: 3
        feedback:
          weights:
            view: 0.1
        aggregates:
          popularity-half-life: %s
          trend-half-life: 1d
      """;

  @Test
  void aModelTrainedWithTheServersFileIsServedAndAChangedFeatureSettingIsRefused()
      throws Exception {
    Path data;
    try (SyntheticFixture fixture = SyntheticFixture.open(dir)) {
      data = fixture.dataDir();
    }
    Path config = Files.writeString(dir.resolve("application.yml"), CONFIG.formatted("10d"));
    int exit =
        TrainingCli.run(
            "train",
            "--data",
            data.toString(),
            "--config",
            config.toString(),
            "--no-tune",
            "--trees",
            "20",
            "--leaves",
            "8",
            "--min-leaf-size",
            "5",
            "--keep",
            "learned",
            "--publish",
            "--force");
    assertEquals(0, exit);
    ModelRegistry registry = new ModelRegistry(data);
    String id = registry.current().orElseThrow();
    assertEquals(
        "PT240H", registry.info(id).serving().get("fanshelf.aggregates.popularity-half-life"));
    assertEquals(
        "label-match,co-visit,affinity,popular",
        registry.info(id).serving().get("fanshelf.recommend.sources.for-you"));

    // a server configured by the same file
    FeatureSettings sameFile = ConfigFile.read(config).featureSettings();
    RankingHolder served = new RankingHolder(RankingModel.popularity());
    try (ModelWatch watch = registry.watcher(served, RankingModel.popularity(), sameFile)) {
      assertTrue(watch.refresh());
      assertNotEquals("popularity", served.current().name());
    }

    // a server whose popularity half-life differs
    Path changed = Files.writeString(dir.resolve("changed.yml"), CONFIG.formatted("14d"));
    FeatureSettings other = ConfigFile.read(changed).featureSettings();
    ArtifactRefusedException refused =
        assertThrows(ArtifactRefusedException.class, () -> registry.model(id, other));
    assertTrue(
        refused
            .getMessage()
            .contains(
                "fanshelf.aggregates.popularity-half-life (trained with PT240H, configured PT336H)"),
        refused.getMessage());
    assertFalse(refused.getMessage().contains("history-limit"), refused.getMessage());
    RankingHolder refusing = new RankingHolder(RankingModel.popularity());
    try (ModelWatch watch = registry.watcher(refusing, RankingModel.popularity(), other)) {
      assertFalse(watch.refresh());
      assertEquals("popularity", refusing.current().name());
    }
  }

  @Test
  void aBadValueInTheFileIsRefusedNamingItsKey() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("bad.yml"),
            """
            fanshelf:
              aggregates:
                co-window: many
            """);
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> ConfigFile.read(config));
    assertEquals("fanshelf.aggregates.co-window", e.key());
    Path outOfRange =
        Files.writeString(
            dir.resolve("range.yml"),
            """
            fanshelf:
              recommend:
                rules:
                  frequency-cap: -1
            """);
    e = assertThrows(InvalidSettingException.class, () -> ConfigFile.read(outOfRange));
    assertEquals("fanshelf.recommend.rules.frequency-cap: must be >= 0, got -1", e.getMessage());
    assertEquals(
        2,
        TrainingCli.run(
            "train", "--data", dir.toString(), "--config", dir.resolve("missing.yml").toString()));
  }
}
