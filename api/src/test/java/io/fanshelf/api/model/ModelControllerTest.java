package io.fanshelf.api.model;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.training.registry.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Publish and roll back through the API switch what the recommend API ranks with. */
class ModelControllerTest extends ApiTestBase {
  @Autowired ModelRegistry registry;

  private String saveToyModel() throws Exception {
    return ToyModels.save(registry);
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
