package io.fanshelf.api.auth;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.fanshelf.api.ApiTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

class AuthControllerTest extends ApiTestBase {
  @Value("${fanshelf.data-dir}")
  Path dataDir;

  @Test
  void signsInUsesAndEndsAToken() throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/auth/token")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"owner\": \"shop-anna\", \"password\": \"" + PASSWORD + "\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.token").value(startsWith("fso_")))
            .andExpect(jsonPath("$.owner").value("shop-anna"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String token = "Bearer " + JsonPath.read(body, "$.token");
    mvc.perform(get("/api/v1/owner/fans").header("Authorization", token))
        .andExpect(status().isOk());
    mvc.perform(delete("/api/v1/auth/token").header("Authorization", token))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/owner/fans").header("Authorization", token))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aWrongPasswordOrOwnerGetsTheSameAnswer() throws Exception {
    for (String json :
        new String[] {
          "{\"owner\": \"shop-anna\", \"password\": \"wrong-password\"}",
          "{\"owner\": \"shop-nobody\", \"password\": \"wrong-password\"}"
        }) {
      mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(json))
          .andExpect(status().isUnauthorized())
          .andExpect(jsonPath("$.detail").value("wrong owner or password"));
    }
  }

  @Test
  void signInAttemptsArePacedPerOwnerIdWhetherOrNotItExists() throws Exception {
    String guessed = "{\"owner\": \"shop-guessed\", \"password\": \"guess-number-x\"}";
    for (int attempt = 1; attempt <= 10; attempt++) {
      mvc.perform(
              post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(guessed))
          .andExpect(status().isUnauthorized());
    }
    mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(guessed))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"));
    mvc.perform(
            post("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"owner\": \"shop-other\", \"password\": \"guess-number-x\"}"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void passwordsAndTokensAreStoredOnlyAsHashes() throws Exception {
    String accounts = Files.readString(dataDir.resolve("api/accounts.json"));
    Assertions.assertFalse(accounts.contains(PASSWORD));
    Assertions.assertTrue(accounts.contains("$2a$"), "BCrypt hashes");
    String token = owner(LILY).substring("Bearer ".length());
    Assertions.assertFalse(Files.readString(dataDir.resolve("api/tokens.json")).contains(token));
  }
}
