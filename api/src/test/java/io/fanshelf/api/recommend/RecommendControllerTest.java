package io.fanshelf.api.recommend;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.Scope;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RecommendControllerTest extends ApiTestBase {

  @Test
  void recommendsForAnOwnersFanWithReasons() throws Exception {
    mvc.perform(
            get("/api/v1/recommendations")
                .param("owner", "shop-lily")
                .param("fan", "fan-0001")
                .param("limit", "5")
                .header("Authorization", apiKey(Scope.RECOMMEND_READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.section").value("for-you"))
        .andExpect(jsonPath("$.ranker").isNotEmpty())
        .andExpect(jsonPath("$.items.length()").value(5))
        .andExpect(jsonPath("$.items[0].product").isNotEmpty())
        .andExpect(jsonPath("$.items[0].title").isNotEmpty());
  }

  @Test
  void reasonsAreRenderedInBothLanguagesFromTheMessageBundles() throws Exception {
    // fan-0001 carries Lily's displayable oily-skin label
    mvc.perform(
            get("/api/v1/recommendations")
                .param("owner", "shop-lily")
                .param("fan", "fan-0001")
                .param("limit", "12")
                .header("Authorization", apiKey(Scope.RECOMMEND_READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].reasons[*].kind", hasItem("label_match")))
        .andExpect(jsonPath("$.items[*].reasons[*].zh", hasItem("适合油皮")))
        .andExpect(jsonPath("$.items[*].reasons[*].en", hasItem("For oily skin")));
  }

  @Test
  void appliesSectionAndFilters() throws Exception {
    mvc.perform(
            get("/api/v1/recommendations")
                .param("owner", "shop-lily")
                .param("fan", "fan-0001")
                .param("section", "matches-your-labels")
                .param("maxPrice", "100")
                .param("category", "美妆")
                .header("Authorization", apiKey(Scope.RECOMMEND_READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.section").value("matches-your-labels"))
        .andExpect(jsonPath("$.items[*].priceCents", everyItem(lessThan(10000))))
        .andExpect(jsonPath("$.items[*].category[0]", everyItem(startsWith("美妆"))));
  }

  @Test
  void badParametersAreNamed() throws Exception {
    String key = apiKey(Scope.RECOMMEND_READ);
    mvc.perform(
            get("/api/v1/recommendations")
                .param("owner", "shop-lily")
                .param("fan", "fan-0001")
                .param("section", "popular")
                .header("Authorization", key))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("section"))
        .andExpect(jsonPath("$.detail").value(startsWith("expected one of for-you")));
    mvc.perform(
            get("/api/v1/recommendations")
                .param("owner", "shop-lily")
                .param("fan", "fan-0001")
                .param("limit", "1000")
                .header("Authorization", key))
        .andExpect(jsonPath("$.field").value("limit"));
    mvc.perform(
            get("/api/v1/recommendations")
                .param("owner", "shop-lily")
                .param("fan", "fan 1")
                .header("Authorization", key))
        .andExpect(jsonPath("$.field").value("fan"));
    mvc.perform(
            get("/api/v1/recommendations").param("owner", "shop-lily").header("Authorization", key))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("fan"));
    mvc.perform(
            get("/api/v1/recommendations")
                .param("owner", "shop-nobody")
                .param("fan", "fan-0001")
                .header("Authorization", key))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/recommendations")
                .param("owner", "shop-lily")
                .param("fan", "fan-0001")
                .param("minPrice", "cheap")
                .header("Authorization", key))
        .andExpect(jsonPath("$.field").value("minPrice"));
  }

  @Test
  void aParameterThatIsNotUtf8IsABadRequestNamingIt() throws Exception {
    String key = apiKey(Scope.RECOMMEND_READ);
    String query = "/api/v1/recommendations?owner=shop-lily&fan=fan-0001&need=%FF";
    mvc.perform(get(URI.create(query)).header("Authorization", key))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("need"))
        .andExpect(jsonPath("$.detail").value(containsString("UTF-8")));
    mvc.perform(
            get(URI.create("/api/v1/recommendations?owner=%C0%AF&fan=fan-0001"))
                .header("Authorization", key))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("owner"));
    mvc.perform(
            get(URI.create("/api/v1/recommendations?owner=shop-lily&fan=%C0%AF"))
                .header("Authorization", key))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("fan"));
  }

  @Test
  void similarItems() throws Exception {
    mvc.perform(
            get("/api/v1/products/bh-001/similar")
                .param("owner", "shop-lily")
                .header("Authorization", apiKey(Scope.RECOMMEND_READ)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$").isArray());
    mvc.perform(
            get("/api/v1/products/bh-999/similar")
                .param("owner", "shop-lily")
                .header("Authorization", apiKey(Scope.RECOMMEND_READ)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/products/bh-001/similar")
                .param("owner", "shop-lily")
                .header("Authorization", apiKey(Scope.EVENTS_WRITE)))
        .andExpect(status().isForbidden());
  }
}
