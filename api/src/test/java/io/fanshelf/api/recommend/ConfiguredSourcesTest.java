package io.fanshelf.api.recommend;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.auth.ApiKeyStore;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.Section;
import java.nio.file.Path;
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
 * The main list's candidate sources are a line of configuration: with {@code
 * fanshelf.recommend.sources.for-you} set to popular alone (and the fallback too), the service's
 * recommender draws on popular alone, and so does every answer of the recommend API.
 */
@SpringBootTest(
    properties = {
      "fanshelf.demo=true",
      "fanshelf.demo-data=classpath:fixtures/beauty-home/",
      "fanshelf.auth.bcrypt-strength=4",
      "fanshelf.recommend.sources.for-you=popular",
      "fanshelf.recommend.fallback=popular",
      "logging.level.root=WARN",
      "logging.file.name=target/test-data/fanshelf-test.log"
    })
@AutoConfigureMockMvc
class ConfiguredSourcesTest {
  private static final Path DATA =
      Path.of("target", "test-data", "configured-sources-" + UUID.randomUUID()).toAbsolutePath();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("fanshelf.data-dir", DATA::toString);
  }

  @Autowired private MockMvc mvc;
  @Autowired private ApiKeyStore keys;
  @Autowired private Recommender recommender;

  @Test
  void theConfiguredSourceListIsWhatTheRecommenderUses() throws Exception {
    assertEquals(List.of("popular"), recommender.options().sources().get(Section.FOR_YOU));
    assertEquals(List.of("popular"), recommender.options().fallback());
    String key = "Bearer " + keys.create("test", Set.of(Scope.RECOMMEND_READ)).secret();
    mvc.perform(
            get("/api/v1/recommendations")
                .param("owner", "shop-lily")
                .param("fan", "fan-0001")
                .param("limit", "10")
                .header("Authorization", key))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", not(hasSize(0))))
        .andExpect(
            jsonPath("$.items[?(@.pinned == false)].sources", everyItem(is(List.of("popular")))));
  }
}
