package io.fanshelf.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.training.registry.ModelRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Publish and roll back through the API switch what the recommend API ranks with. */
class ModelControllerTest extends ApiTestBase {
  @Autowired ModelRegistry registry;

  private String saveToyModel() throws Exception {
    return ToyModels.save(registry);
  }

  @Test
  void publishSwitchesServingAndRollbackReturnsToTheDefault() throws Exception {
    String admin = apiKey(Scope.ADMIN);
    String id = saveToyModel();
    mvc.perform(get("/api/v1/admin/models").header("Authorization", admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ranking").value("popularity"))
        .andExpect(
            jsonPath("$.models[?(@.id == '" + id + "')].algorithm")
                .value(org.hamcrest.Matchers.contains("one-feature")));
    mvc.perform(post("/api/v1/admin/models/" + id + "/publish").header("Authorization", admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ranking").value(id))
        .andExpect(jsonPath("$.published").value(id));
    mvc.perform(
            get("/api/v1/recommendations?owner=shop-lily&fan=fan-0001")
                .header("Authorization", apiKey(Scope.RECOMMEND_READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ranker").value(id));
    mvc.perform(post("/api/v1/admin/models/rollback").header("Authorization", admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ranking").value("popularity"));
    mvc.perform(post("/api/v1/admin/models/rollback").header("Authorization", admin))
        .andExpect(status().isBadRequest());
  }

  @Test
  void unknownModelsAndMissingScopesAreRefused() throws Exception {
    String admin = apiKey(Scope.ADMIN);
    mvc.perform(
            post("/api/v1/admin/models/learned-20171021T175713Z-1a2b3c4d/publish")
                .header("Authorization", admin))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/admin/models/..%2Fetc/publish").header("Authorization", admin))
        .andExpect(status().is4xxClientError());
    mvc.perform(get("/api/v1/admin/models").header("Authorization", apiKey(Scope.RECOMMEND_READ)))
        .andExpect(status().isForbidden());
  }

  @Test
  void retrainingStoresAModelInTheBackgroundAndPublishesItOnlyWhenAsked() throws Exception {
    String admin = apiKey(Scope.ADMIN);
    String body =
        mvc.perform(
                post("/api/v1/admin/models/retrain")
                    .header("Authorization", admin)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"ranking\": \"learned\", \"split\": \"time:0.7\", \"seed\": 7}"))
            .andExpect(status().isAccepted())
            .andExpect(
                header().string("Location", startsWith("/api/v1/admin/models/jobs/retrain-")))
            .andExpect(jsonPath("$.state").value("RUNNING"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String job = JsonPath.read(body, "$.id");
    await().atMost(Duration.ofSeconds(60)).until(() -> !jobState(admin, job).equals("RUNNING"));
    String done =
        mvc.perform(get("/api/v1/admin/models/jobs/" + job).header("Authorization", admin))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.state").value("SUCCEEDED"))
            .andExpect(jsonPath("$.published").value(false))
            .andExpect(jsonPath("$.metrics.candidateRecall").isNumber())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String model = JsonPath.read(done, "$.model");
    assertThat(model).startsWith("learned-");
    mvc.perform(get("/api/v1/admin/models").header("Authorization", admin))
        .andExpect(jsonPath("$.ranking").value("popularity"))
        .andExpect(
            jsonPath("$.models[?(@.id == '" + model + "')].hyperParameters.seed")
                .value(org.hamcrest.Matchers.contains(7)));
    mvc.perform(get("/api/v1/admin/models/jobs").header("Authorization", admin))
        .andExpect(jsonPath("$[0].id").value(job));

    String published =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/admin/models/retrain")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            "{\"ranking\": \"learned\", \"split\": \"time:0.7\", \"publish\": true,"
                                + " \"force\": true}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !jobState(admin, published).equals("RUNNING"));
    String second =
        JsonPath.read(
            mvc.perform(
                    get("/api/v1/admin/models/jobs/" + published).header("Authorization", admin))
                .andExpect(jsonPath("$.state").value("SUCCEEDED"))
                .andExpect(jsonPath("$.published").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.model");
    mvc.perform(get("/api/v1/admin/models").header("Authorization", admin))
        .andExpect(jsonPath("$.ranking").value(second));
    mvc.perform(post("/api/v1/admin/models/rollback").header("Authorization", admin))
        .andExpect(jsonPath("$.ranking").value("popularity"));
  }

  @Test
  void retrainingRequestsAreValidatedNamingTheField() throws Exception {
    String admin = apiKey(Scope.ADMIN);
    mvc.perform(
            post("/api/v1/admin/models/retrain")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ranking\": \"forest\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("ranking"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "expected served (the ranking validation chooses) or learned, got 'forest'"));
    mvc.perform(
            post("/api/v1/admin/models/retrain")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"split\": \"time:2\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("split"));
    mvc.perform(
            post("/api/v1/admin/models/retrain")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rankin\": \"learned\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("rankin"))
        .andExpect(jsonPath("$.detail").value(containsString("ranking")))
        .andExpect(jsonPath("$.detail").value(not(containsString("RetrainRequest"))));
    mvc.perform(
            post("/api/v1/admin/models/retrain")
                .header("Authorization", apiKey(Scope.EVENTS_WRITE)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/admin/models/jobs/retrain-nope").header("Authorization", admin))
        .andExpect(status().isNotFound());
  }

  private String jobState(String admin, String job) throws Exception {
    return JsonPath.read(
        mvc.perform(get("/api/v1/admin/models/jobs/" + job).header("Authorization", admin))
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.state");
  }
}
