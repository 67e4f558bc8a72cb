package io.fanshelf.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.fanshelf.api.ConsoleSignInForm;
import io.fanshelf.api.auth.ApiKeyStore;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.training.synthetic.SyntheticData;
import jakarta.servlet.http.Cookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A server that starts with events and nothing published trains in the background and serves the
 * ranking validation chose, says so in the admin API and on the owner console, and retrains on its
 * schedule.
 */
@SpringBootTest(
    properties = {
      "fanshelf.demo=true",
      "fanshelf.auth.bcrypt-strength=4",
      "fanshelf.models.validate-on-start=true",
      "fanshelf.models.tuning-budget=3s",
      "fanshelf.models.retrain-interval=5s",
      "logging.level.root=WARN"
    })
@AutoConfigureMockMvc
class ValidatedRankingIT {
  private static final Path ROOT =
      Path.of("target", "test-data", "validated-" + UUID.randomUUID()).toAbsolutePath();

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) throws Exception {
    Path files = Files.createDirectories(ROOT.resolve("demo"));
    new SyntheticData(300, 200, 4_000, 3).write(files);
    registry.add("fanshelf.data-dir", () -> ROOT.resolve("data").toString());
    registry.add("fanshelf.demo-data", () -> files.toUri().toString());
  }

  @Autowired MockMvc mvc;
  @Autowired ApiKeyStore keys;

  private String models(String admin) throws Exception {
    return mvc.perform(get("/api/v1/admin/models").header("Authorization", admin))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private Cookie signIn(String owner) throws Exception {
    String setCookie =
        mvc.perform(ConsoleSignInForm.post(mvc, owner, "fanshelf-demo"))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getHeader("Set-Cookie");
    return new Cookie(
        "FANSHELF_SESSION",
        setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';')));
  }

  @Test
  void servesTheValidatedRankingAndSaysWhy() throws Exception {
    String admin = "Bearer " + keys.create("test", Set.of(Scope.ADMIN)).secret();
    await()
        .atMost(Duration.ofMinutes(3))
        .until(() -> JsonPath.read(models(admin), "$.validated") != null);
    String body = models(admin);
    String validated = JsonPath.read(body, "$.validated");
    assertThat((String) JsonPath.read(body, "$.ranking")).isEqualTo(validated);
    assertThat((String) JsonPath.read(body, "$.ranking")).isNotEqualTo("popularity");
    assertThat((String) JsonPath.read(body, "$.reason"))
        .startsWith("chosen by validation on this data")
        .contains("popularity");
    Object published = JsonPath.read(body, "$.published");
    assertThat(published).isNull();
    String stats =
        mvc.perform(get("/console/stats").param("lang", "en").cookie(signIn("shop-a")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(stats)
        .contains("the ranking that did best on your own recent data")
        .contains(validated)
        .contains("id=\"ranking-figures\"")
        .doesNotContain("??"); // every ranking and baseline has an owner-facing name
    // the schedule retrains and serves the new ranking the same way
    await()
        .atMost(Duration.ofMinutes(3))
        .until(
            () ->
                JsonPath.<List<Object>>read(
                            mvc.perform(
                                    get("/api/v1/admin/models/jobs").header("Authorization", admin))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                            "$[?(@.state == 'SUCCEEDED' && @.then == 'serve')]")
                        .size()
                    >= 2);
  }
}
