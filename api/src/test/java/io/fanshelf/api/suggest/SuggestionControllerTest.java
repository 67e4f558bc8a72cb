package io.fanshelf.api.suggest;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.OwnerToken;
import io.fanshelf.api.auth.TokenStore;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.OwnerId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/**
 * Suggestions on a data directory and application context of its own (not ApiTestBase's, whose data
 * directory would win over this one) (the shared fixture has too little behaviour to learn from):
 * 40 of Lily's fans labelled oily or dry who buy oily or dry skin care, 6 of Lily's and 4 of Mu's
 * fans with the same behaviour and no skin type.
 */
@SpringBootTest(
    properties = {
      "fanshelf.demo=true",
      "fanshelf.demo-data=classpath:fixtures/beauty-home/",
      "fanshelf.demo-password=" + ApiTestBase.PASSWORD,
      "fanshelf.auth.bcrypt-strength=4",
      "fanshelf.models.validate-on-start=false",
      // The tests add their fans after start; a model fitted before would serve for 10 minutes.
      "fanshelf.suggestions.fit-on-start=false",
      "logging.level.root=WARN"
    })
@AutoConfigureMockMvc
class SuggestionControllerTest {
  private static final OwnerId LILY = ApiTestBase.LILY;
  private static final OwnerId MU = ApiTestBase.MU;
  private static final String DATA = "target/test-data/suggestions-" + UUID.randomUUID();
  private static final List<String> OILY = List.of("bh-001", "bh-007", "bh-008", "bh-011");
  private static final List<String> DRY = List.of("bh-002", "bh-009", "bh-010", "bh-014");
  private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
  private static boolean seeded;

  @DynamicPropertySource
  static void ownDataDir(DynamicPropertyRegistry registry) {
    registry.add("fanshelf.data-dir", () -> Path.of(DATA).toAbsolutePath().toString());
  }

  @Autowired MockMvc mvc;
  @Autowired TokenStore tokens;
  @Autowired Indexer indexer;
  @Autowired FanShelfProperties properties;
  @Autowired ObjectMapper mapper;

  @BeforeEach
  void seed() throws Exception {
    if (seeded) {
      return;
    }
    List<Label> labels = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      boolean oily = i % 2 == 0;
      OwnerId owner = i >= 46 ? MU : LILY;
      FanId fan = FanId.of(String.format("sg-%03d", i));
      labels.add(
          i < 40
              ? label(owner, fan, "skin_type", oily ? "oily" : "dry")
              : label(owner, fan, "home_style", "value"));
      List<String> products = oily ? OILY : DRY;
      for (int e = 0; e < products.size(); e++) {
        events.add(Event.of(fan + "-" + e, fan.value(), products.get(e), EventType.PURCHASE, T));
      }
    }
    indexer.changeLabels(labels, List.of());
    indexer.appendEvents(events);
    seeded = true;
  }

  /** "Bearer <token>" for a signed-in owner, issued as sign-in would. */
  private String owner(OwnerId owner) throws Exception {
    return "Bearer " + tokens.issue(owner, OwnerToken.Kind.API, Duration.ofHours(1)).token();
  }

  private static Label label(OwnerId owner, FanId fan, String dimension, String value) {
    return new Label(owner, fan, dimension, List.of(value), LabelSource.OWNER, 1, T, "test");
  }

  @Test
  void anOwnerSeesSuggestionsForTheirOwnFansOnlyWithEvidence() throws Exception {
    mvc.perform(
            get("/api/v1/owner/suggestions")
                .param("dimension", "skin_type")
                .header("Authorization", owner(LILY)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.threshold").value(0.6))
        // sg-042 and sg-043 may have been accepted or rejected by another test already.
        .andExpect(
            jsonPath(
                "$.suggestions[*].fan",
                everyItem(in(List.of("sg-040", "sg-041", "sg-042", "sg-043", "sg-044", "sg-045")))))
        .andExpect(jsonPath("$.suggestions[?(@.fan == 'sg-040')].value").value("oily"))
        .andExpect(jsonPath("$.suggestions[?(@.fan == 'sg-041')].value").value("dry"))
        .andExpect(jsonPath("$.suggestions[?(@.fan == 'sg-046')]").isEmpty())
        .andExpect(jsonPath("$.suggestions[0].method").value("classifier"))
        .andExpect(jsonPath("$.suggestions[0].evidence[0].kind").value("rule"))
        .andExpect(jsonPath("$.suggestions[0].evidence[0].of").value(2));
    mvc.perform(
            get("/api/v1/owner/suggestions")
                .param("dimension", "skin_type")
                .header("Authorization", owner(MU)))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.suggestions[*].fan", hasItems("sg-046", "sg-047", "sg-048", "sg-049")))
        .andExpect(jsonPath("$.suggestions[*].fan", everyItem(not(in(lilysFans())))))
        .andExpect(jsonPath("$.suggestions[?(@.fan == 'sg-046')].value").value("oily"));
  }

  @Test
  void anOwnerCannotDecideAnotherOwnersSuggestions() throws Exception {
    mvc.perform(
            post("/api/v1/owner/suggestions/accept")
                .header("Authorization", owner(LILY))
                .contentType(MediaType.APPLICATION_JSON)
                .content(items("sg-047", "skin_type", "dry")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("items[0].fan"))
        .andExpect(jsonPath("$.errors[0].message").value("no fan 'sg-047' among your fans"));
    mvc.perform(get("/api/v1/owner/fans/sg-047").header("Authorization", owner(MU)))
        .andExpect(jsonPath("$.labels.skin_type").doesNotExist());
  }

  @Test
  void acceptingStoresTheLabelAsSuggestedByTheOwner() throws Exception {
    String lily = owner(LILY);
    mvc.perform(
            post("/api/v1/owner/suggestions/accept")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content(items("sg-042", "skin_type", "oily")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(1));
    mvc.perform(get("/api/v1/owner/fans/sg-042").header("Authorization", lily))
        .andExpect(jsonPath("$.labels.skin_type.values[0]").value("oily"))
        .andExpect(jsonPath("$.labels.skin_type.source").value("suggested"))
        .andExpect(jsonPath("$.labels.skin_type.actor").value("owner:shop-lily"));
    mvc.perform(
            get("/api/v1/owner/suggestions")
                .param("dimension", "skin_type")
                .header("Authorization", lily))
        .andExpect(jsonPath("$.suggestions[?(@.fan == 'sg-042')]").isEmpty());
  }

  @Test
  void aRejectedSuggestionIsRememberedAcrossARestartAndNotAcceptable() throws Exception {
    String lily = owner(LILY);
    mvc.perform(
            post("/api/v1/owner/suggestions/reject")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content(items("sg-043", "skin_type", "dry")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(1));
    mvc.perform(
            get("/api/v1/owner/suggestions")
                .param("dimension", "skin_type")
                .header("Authorization", lily))
        .andExpect(jsonPath("$.suggestions[?(@.fan == 'sg-043')]").isEmpty());
    mvc.perform(
            post("/api/v1/owner/suggestions/accept")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content(items("sg-043", "skin_type", "dry")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("items[0]"));
    RejectedSuggestions reread = new RejectedSuggestions(properties.apiDir(), mapper);
    assertTrue(reread.isRejected(LILY, new SuggestionKey(FanId.of("sg-043"), "skin_type", "dry")));
  }

  @Test
  void badRequestsNameTheField() throws Exception {
    String lily = owner(LILY);
    mvc.perform(
            get("/api/v1/owner/suggestions")
                .param("minConfidence", "2")
                .header("Authorization", lily))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("minConfidence"));
    mvc.perform(
            get("/api/v1/owner/suggestions")
                .param("dimension", "hair")
                .header("Authorization", lily))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("dimension"));
    mvc.perform(
            post("/api/v1/owner/suggestions/accept")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\":[{\"fan\":\"sg-044\",\"dimension\":\"skin_type\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("items[0].value"));
    mvc.perform(get("/api/v1/owner/suggestions")).andExpect(status().isUnauthorized());
  }

  private static List<String> lilysFans() {
    List<String> fans = new ArrayList<>();
    for (int i = 0; i < 46; i++) {
      fans.add(String.format("sg-%03d", i));
    }
    return fans;
  }

  private static String items(String fan, String dimension, String value) {
    return "{\"items\":[{\"fan\":\""
        + fan
        + "\",\"dimension\":\""
        + dimension
        + "\",\"value\":\""
        + value
        + "\"}]}";
  }
}
