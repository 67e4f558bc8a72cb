package io.fanshelf.api.shelf;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.fanshelf.api.ApiTestBase;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ShareLinkControllerTest extends ApiTestBase {
  @Test
  void aSegmentThatIsNotUtf8IsABadRequestNamingIt() throws Exception {
    String lily = owner(LILY);
    for (var request :
        List.of(
            get(URI.create("/api/v1/owner/links?segment=%FF")),
            get(URI.create("/api/v1/owner/links/export.csv?segment=%C0%AF")),
            delete(URI.create("/api/v1/owner/links?segment=%FF")))) {
      mvc.perform(request.header("Authorization", lily))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.field").value("segment"))
          .andExpect(jsonPath("$.detail").value(containsString("not valid UTF-8")));
    }
  }

  @Test
  void aLinkIsUnguessableCarriesNoPersonalDataAndCanBeRevoked() throws Exception {
    String lily = owner(LILY);
    String body =
        mvc.perform(
                post("/api/v1/owner/links")
                    .header("Authorization", lily)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"fan\": \"fan-0004\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$[0].fan").value("fan-0004"))
            // 32 random bytes, URL-safe base64: 43 characters, nothing else in the path.
            .andExpect(
                jsonPath("$[0].url").value(matchesPattern("http://localhost/s/[A-Za-z0-9_-]{43}")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(body, "$[0].id");
    String url = JsonPath.read(body, "$[0].url");
    // Asking again gives the same active link.
    mvc.perform(
            post("/api/v1/owner/links")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"fan\": \"fan-0004\"}"))
        .andExpect(jsonPath("$[0].url").value(url));
    mvc.perform(get("/api/v1/owner/links/" + id + "/qr.svg").header("Authorization", lily))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<svg")));
    mvc.perform(get("/api/v1/owner/links/export.csv").header("Authorization", lily))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", containsString("attachment")))
        .andExpect(content().string(containsString("fan-0004,Coco," + url)));
    String path = url.substring("http://localhost".length());
    mvc.perform(get(path)).andExpect(status().isOk());
    mvc.perform(delete("/api/v1/owner/links/" + id).header("Authorization", lily))
        .andExpect(status().isNoContent());
    mvc.perform(get(path)).andExpect(status().isNotFound());
    mvc.perform(delete("/api/v1/owner/links/" + id).header("Authorization", lily))
        .andExpect(status().isNotFound());
  }

  @Test
  void linksForAWholeSegmentAsCsv() throws Exception {
    String mu = owner(MU);
    String segment =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/owner/segments")
                        .header("Authorization", mu)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            "{\"name\": \"value seekers\", \"labels\": {\"home_style\": [\"value\"]}}"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    mvc.perform(
            post("/api/v1/owner/links")
                .header("Authorization", mu)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"segment\": \"" + segment + "\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.length()").value(2));
    mvc.perform(
            get("/api/v1/owner/links/export.csv")
                .param("segment", segment)
                .header("Authorization", mu))
        .andExpect(content().string(containsString("fan-0003,陈先生,http://localhost/s/")))
        .andExpect(content().string(containsString("fan-0009,刘女士,http://localhost/s/")));
    mvc.perform(delete("/api/v1/owner/links").param("segment", segment).header("Authorization", mu))
        .andExpect(jsonPath("$.revoked").value(2));
    mvc.perform(get("/api/v1/owner/links").param("segment", segment).header("Authorization", mu))
        .andExpect(jsonPath("$").isEmpty());
  }
}
