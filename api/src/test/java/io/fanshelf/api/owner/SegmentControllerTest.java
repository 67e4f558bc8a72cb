package io.fanshelf.api.owner;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.fanshelf.api.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class SegmentControllerTest extends ApiTestBase {

  @Test
  void savesASegmentAndActsOnItsFans() throws Exception {
    String anna = owner(ANNA);
    String created =
        mvc.perform(
                post("/api/v1/owner/segments")
                    .header("Authorization", anna)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"name\": \"everyone unlabelled\", \"unlabelled\": [\"skin_type\"]}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.fans").value(2))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(created, "$.id");
    mvc.perform(get("/api/v1/owner/segments/" + id + "/fans").header("Authorization", anna))
        .andExpect(jsonPath("$.fans[*].id", containsInAnyOrder("fan-0002", "fan-0010")));
    mvc.perform(
            post("/api/v1/owner/labels/bulk")
                .header("Authorization", anna)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"segment\": \""
                        + id
                        + "\", \"dimension\": \"home_style\", \"values\": [\"looks\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(2));
    mvc.perform(get("/api/v1/owner/segments/" + id + "/stats").header("Authorization", anna))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.pageViews").isNumber());
    mvc.perform(
            put("/api/v1/owner/segments/" + id)
                .header("Authorization", anna)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"looks lovers\", \"labels\": {\"home_style\": [\"颜值\"]}}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.labels.home_style[0]").value("looks"))
        .andExpect(jsonPath("$.fans").value(2));
    mvc.perform(get("/api/v1/owner/segments").header("Authorization", anna))
        .andExpect(jsonPath("$[?(@.id == '" + id + "')].name").value("looks lovers"));
    mvc.perform(delete("/api/v1/owner/segments/" + id).header("Authorization", anna))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/owner/segments/" + id).header("Authorization", anna))
        .andExpect(status().isNotFound());
  }

  @Test
  void aSegmentOnAnUnknownValueIsRefused() throws Exception {
    mvc.perform(
            post("/api/v1/owner/segments")
                .header("Authorization", owner(ANNA))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"x\", \"labels\": {\"skin_type\": [\"green\"]}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("labels"));
    mvc.perform(
            post("/api/v1/owner/segments")
                .header("Authorization", owner(ANNA))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("name"));
  }

  @Test
  void aSegmentNameWithAControlCharacterIsRefusedAndNothingIsSaved() throws Exception {
    String anna = owner(ANNA);
    int before =
        JsonPath.read(
            mvc.perform(get("/api/v1/owner/segments").header("Authorization", anna))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.length()");
    for (String name : new String[] {"oily\\u0000skin", "two\\nlines", "bell\\u0007"}) {
      mvc.perform(
              post("/api/v1/owner/segments")
                  .header("Authorization", anna)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"name\": \"" + name + "\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.field").value("name"))
          .andExpect(jsonPath("$.detail").value(containsString("without control characters")));
    }
    mvc.perform(get("/api/v1/owner/segments").header("Authorization", anna))
        .andExpect(jsonPath("$.length()").value(before));
  }

  @Test
  void ownerStatisticsCountAttributedEvents() throws Exception {
    mvc.perform(get("/api/v1/owner/stats").param("days", "7").header("Authorization", owner(LILY)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total.clicks").isNumber())
        .andExpect(jsonPath("$.days.length()").value(7));
    mvc.perform(get("/api/v1/owner/fans/fan-0003/stats").header("Authorization", owner(LILY)))
        .andExpect(jsonPath("$.clicks").value(1))
        .andExpect(jsonPath("$.impressions").value(1));
    mvc.perform(get("/api/v1/owner/stats").param("days", "0").header("Authorization", owner(LILY)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("days"));
  }
}
