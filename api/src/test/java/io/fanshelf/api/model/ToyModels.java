package io.fanshelf.api.model;

import io.fanshelf.recommender.collaborative.Collaborative;
import io.fanshelf.recommender.feature.Feature;
import io.fanshelf.recommender.ranking.FeatureRanker;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.training.registry.ArtifactInfo;
import io.fanshelf.training.registry.ModelArtifact;
import io.fanshelf.training.registry.ModelRegistry;
import java.time.Instant;
import java.util.Map;

/** Rankings small enough to make in a test. */
public final class ToyModels {
  private ToyModels() {}

  /**
   * Popularity as a stored ranking, with validation figures that pass the publication gate,
   * registered (not published); returns its id.
   */
  public static String save(ModelRegistry registry) throws Exception {
    ArtifactInfo info =
        new ArtifactInfo(
            ModelArtifact.FORMAT_VERSION,
            "pending",
            "popularity",
            "one-feature",
            Map.of("primary", "log_reach"),
            Map.of(),
            true,
            Feature.names(),
            new ArtifactInfo.DataWindow("2026-10-01T00:00:00Z", "toy", 400, 100),
            1,
            Map.of(ArtifactInfo.VALIDATION_NDCG, 0.05),
            Map.of(ArtifactInfo.BASELINE + "popularity", 0.05),
            "2026-10-01T00:00:00Z",
            false,
            Map.of());
    RankingModel model =
        new RankingModel("toy", Collaborative.NONE, FeatureRanker.popularity(), true);
    return registry.save(model, info, Instant.parse("2026-10-01T00:00:00Z")).id();
  }
}
