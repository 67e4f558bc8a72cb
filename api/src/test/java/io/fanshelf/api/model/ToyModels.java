package io.fanshelf.api.model;

import io.fanshelf.recommender.feature.FeatureSchema;
import io.fanshelf.training.dataset.Dataset;
import io.fanshelf.training.model.Fit;
import io.fanshelf.training.model.LogisticOptions;
import io.fanshelf.training.registry.ArtifactInfo;
import io.fanshelf.training.registry.ModelArtifact;
import io.fanshelf.training.registry.ModelRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Trained models small enough to make in a test. */
public final class ToyModels {
  private ToyModels() {}

  /** A small logistic model on synthetic data, registered (not published); returns its id. */
  public static String save(ModelRegistry registry) throws Exception {
    Random random = new Random(1);
    int n = 400;
    float[][] x = new float[n][FeatureSchema.size()];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < x[i].length; f++) {
        x[i][f] = (float) random.nextGaussian();
      }
      y[i] = x[i][0] > 0.5 ? 1 : 0;
    }
    LogisticOptions options = LogisticOptions.defaults(1);
    ArtifactInfo info =
        new ArtifactInfo(
            ModelArtifact.FORMAT_VERSION,
            "pending",
            options.algorithm(),
            options.hyperParameters(),
            FeatureSchema.names(),
            new ArtifactInfo.DataWindow("2026-10-01T00:00:00Z", "toy", n, 100),
            options.seed(),
            Map.of("validationNdcg@10", 0.05),
            "2026-10-01T00:00:00Z",
            false,
            Map.of());
    Dataset data = new Dataset(x, y, new int[n], List.of("f"), Instant.EPOCH, "toy", 1, 1);
    return registry.save(Fit.fit(data, options), info, Instant.parse("2026-10-01T00:00:00Z")).id();
  }
}
