package io.fanshelf.api.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.Scope;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

class AdminControllerTest extends ApiTestBase {

  @Test
  void createsListsAndRevokesKeys() throws Exception {
    String admin = apiKey(Scope.ADMIN);
    String body =
        mvc.perform(
                post("/api/v1/admin/api-keys")
                    .header("Authorization", admin)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"name\": \"mini-program\", \"scopes\": [\"events:write\", \"recommend:read\"]}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.key").value(startsWith("fsk_")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(body, "$.id");
    String key = "Bearer " + JsonPath.read(body, "$.key");
    mvc.perform(get("/api/v1/admin/api-keys").header("Authorization", admin))
        .andExpect(jsonPath("$[?(@.id == '" + id + "')].name").value("mini-program"))
        .andExpect(
            jsonPath("$[?(@.id == '" + id + "')].key")
                .value(org.hamcrest.Matchers.contains((Object) null)));
    mvc.perform(
            get("/api/v1/recommendations?owner=shop-lily&fan=fan-0001")
                .header("Authorization", key))
        .andExpect(status().isOk());
    mvc.perform(delete("/api/v1/admin/api-keys/" + id).header("Authorization", admin))
        .andExpect(status().isNoContent());
    mvc.perform(
            get("/api/v1/recommendations?owner=shop-lily&fan=fan-0001")
                .header("Authorization", key))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void anUnknownScopeIsNamed() throws Exception {
    mvc.perform(
            post("/api/v1/admin/api-keys")
                .header("Authorization", apiKey(Scope.ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"x\", \"scopes\": [\"events:read\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("scopes[0]"))
        .andExpect(
            jsonPath("$.detail").value(containsString("events:write, recommend:read, admin")));
  }

  @Test
  void onlyAdminKeysAdminister() throws Exception {
    mvc.perform(get("/api/v1/admin/api-keys").header("Authorization", apiKey(Scope.EVENTS_WRITE)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/admin/api-keys").header("Authorization", owner(LILY)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/admin/api-keys")).andExpect(status().isUnauthorized());
  }

  @Test
  void importsCatalogFilesAllOrNothing() throws Exception {
    String admin = apiKey(Scope.ADMIN);
    String good =
        "{\"id\": \"adm-001\", \"title\": \"玫瑰花茶\", \"category\": \"食品>茶饮>花茶\", \"price\": 39.9,"
            + " \"stock\": 10, \"created_at\": \"2026-11-01T00:00:00Z\"}\n";
    String bad =
        good
            + "{\"id\": \"adm-002\", \"title\": \"x\", \"category\": \"食品\", \"price\": -1,"
            + " \"created_at\": \"2026-11-01T00:00:00Z\"}\n";
    mvc.perform(
            multipart("/api/v1/admin/import")
                .file(
                    new MockMultipartFile(
                        "catalog",
                        "catalog.jsonl",
                        "application/x-ndjson",
                        bad.getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", admin))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].file").value("catalog.jsonl"))
        .andExpect(jsonPath("$.errors[0].line").value(2))
        .andExpect(jsonPath("$.errors[0].field").value("price"));
    mvc.perform(
            multipart("/api/v1/admin/import")
                .file(
                    new MockMultipartFile(
                        "catalog",
                        "catalog.jsonl",
                        "application/x-ndjson",
                        good.getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.files[0].kind").value("catalog"))
        .andExpect(jsonPath("$.files[0].accepted").value(1));
    mvc.perform(
            multipart("/api/v1/admin/import")
                .file(
                    new MockMultipartFile(
                        "taxonomy",
                        "taxonomy.json",
                        "application/json",
                        "{\"version\": 1}".getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", admin))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("dimensions"));
    mvc.perform(
            multipart("/api/v1/admin/import")
                .file(
                    new MockMultipartFile(
                        "pictures", "a.csv", "text/csv", "x".getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", admin))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("pictures"));
  }

  @Test
  void setsAnOwnersPassword() throws Exception {
    String admin = apiKey(Scope.ADMIN);
    mvc.perform(
            put("/api/v1/admin/owners/shop-nobody/account")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\": \"long-enough-1\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(
            put("/api/v1/admin/owners/shop-anna/account")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\": \"short\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("password"));
    mvc.perform(get("/api/v1/admin/stats").header("Authorization", admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.owners").value(3));
  }
}
