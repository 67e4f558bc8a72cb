package io.fanshelf.api.owner;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.Scope;
import org.junit.jupiter.api.Test;

class CurationControllerTest extends ApiTestBase {

  @Test
  void pinsComeFirstAndBlocksNeverShow() throws Exception {
    String mu = owner(MU);
    mvc.perform(put("/api/v1/owner/curation/pins/bh-018").header("Authorization", mu))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.pins[0].id").value("bh-018"));
    mvc.perform(put("/api/v1/owner/curation/blocks/bh-017").header("Authorization", mu))
        .andExpect(jsonPath("$.blocks[0].id").value("bh-017"));
    String key = apiKey(Scope.RECOMMEND_READ);
    mvc.perform(
            get("/api/v1/recommendations")
                .param("owner", "shop-mu")
                .param("fan", "fan-0009")
                .header("Authorization", key))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].product").value("bh-018"))
        .andExpect(jsonPath("$.items[0].pinned").value(true))
        .andExpect(jsonPath("$.items[?(@.product == 'bh-017')]").isEmpty());
    mvc.perform(delete("/api/v1/owner/curation/pins/bh-018").header("Authorization", mu))
        .andExpect(jsonPath("$.pins").isEmpty());
    mvc.perform(delete("/api/v1/owner/curation/blocks/bh-017").header("Authorization", mu))
        .andExpect(jsonPath("$.blocks").isEmpty());
    mvc.perform(delete("/api/v1/owner/curation/blocks/bh-017").header("Authorization", mu))
        .andExpect(status().isNotFound());
  }

  @Test
  void anUnknownProductCannotBePinned() throws Exception {
    mvc.perform(put("/api/v1/owner/curation/pins/bh-999").header("Authorization", owner(MU)))
        .andExpect(status().isNotFound());
  }
}
