package io.fanshelf.api.model;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.Scope;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Publish and roll back through the API switch what the recommend API ranks with. */
class ModelControllerTest extends ApiTestBase {
  @Autowired ModelRegistry registry;

  private String saveToyModel() throws Exception {
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

  @Test
  void publishSwitchesServingAndRollbackReturnsToTheHeuristic() throws Exception {
    String admin = apiKey(Scope.ADMIN);
    String id = saveToyModel();
    mvc.perform(get("/api/v1/admin/models").header("Authorization", admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ranker").value("heuristic-v1"))
        .andExpect(
            jsonPath("$.models[?(@.id == '" + id + "')].algorithm")
                .value(org.hamcrest.Matchers.contains("logistic")));
    mvc.perform(post("/api/v1/admin/models/" + id + "/publish").header("Authorization", admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ranker").value(id))
        .andExpect(jsonPath("$.published").value(id));
    mvc.perform(
            get("/api/v1/recommendations?owner=shop-lily&fan=fan-0001")
                .header("Authorization", apiKey(Scope.RECOMMEND_READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ranker").value(id));
    mvc.perform(post("/api/v1/admin/models/rollback").header("Authorization", admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ranker").value("heuristic-v1"));
    mvc.perform(post("/api/v1/admin/models/rollback").header("Authorization", admin))
        .andExpect(status().isBadRequest());
  }

  @Test
  void unknownModelsAndMissingScopesAreRefused() throws Exception {
    String admin = apiKey(Scope.ADMIN);
    mvc.perform(
            post("/api/v1/admin/models/gbt-20171021T175713Z-1a2b3c4d/publish")
                .header("Authorization", admin))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/admin/models/..%2Fetc/publish").header("Authorization", admin))
        .andExpect(status().is4xxClientError());
    mvc.perform(get("/api/v1/admin/models").header("Authorization", apiKey(Scope.RECOMMEND_READ)))
        .andExpect(status().isForbidden());
  }
}
