package io.fanshelf.api.system;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

class SystemEndpointsTest extends ApiTestBase {
  @Autowired ApplicationContext context;

  @Test
  void healthAndReadiness() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
  }

  @Test
  void notReadyIsA503SoThatNoTrafficIsSentBeforeTheDataIsLoaded() throws Exception {
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      mvc.perform(get("/actuator/health/readiness"))
          .andExpect(status().isServiceUnavailable())
          .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
  }

  @Test
  void prometheusHasRecommendationCacheAndModelMetrics() throws Exception {
    mvc.perform(
        get("/api/v1/recommendations?owner=shop-anna&fan=fan-0010")
            .header("Authorization", apiKey(Scope.RECOMMEND_READ)));
    mvc.perform(get("/actuator/prometheus"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("fanshelf_recommend_seconds_count")))
        .andExpect(content().string(containsString("fanshelf_shelf_cache_total")))
        .andExpect(content().string(containsString("fanshelf_model{")))
        .andExpect(content().string(containsString("http_server_requests_seconds")));
  }

  @Test
  void servesTheOpenApiDocumentAndSwaggerUi() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.info.title").value("FanShelf API"))
        .andExpect(jsonPath("$.paths['/api/v1/events'].post").exists())
        .andExpect(jsonPath("$.paths['/api/v1/owner/labels/import'].post").exists())
        .andExpect(jsonPath("$.components.securitySchemes.apiKey.scheme").value("bearer"))
        .andExpect(jsonPath("$.components.securitySchemes.ownerToken.scheme").value("bearer"));
    mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
  }

  @Test
  void unknownPathsAreProblems() throws Exception {
    mvc.perform(get("/api/v1/nothing-here").header("Authorization", apiKey(Scope.ADMIN)))
        .andExpect(status().isNotFound());
  }
}
