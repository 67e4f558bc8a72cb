package io.fanshelf.api.owner;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.aggregate.LabelLift;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class FanControllerTest extends ApiTestBase {

  @Test
  void listsOnlyTheOwnersFansFilteredByLabels() throws Exception {
    String lily = owner(LILY);
    mvc.perform(get("/api/v1/owner/fans").header("Authorization", lily))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.fans[*].id", hasItem("fan-0002")))
        .andExpect(jsonPath("$.fans[*].id", not(hasItem("fan-0008"))));
    // Values by id or by name; AND across dimensions.
    mvc.perform(
            get("/api/v1/owner/fans").param("label", "skin_type:油皮").header("Authorization", lily))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.fans[*].id", hasItem("fan-0001")))
        .andExpect(jsonPath("$.fans[*].id", not(hasItem("fan-0002"))));
  }

  @Test
  void pagesWithACursor() throws Exception {
    String lily = owner(LILY);
    mvc.perform(get("/api/v1/owner/fans").param("size", "2").header("Authorization", lily))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.fans.length()").value(2))
        .andExpect(jsonPath("$.fans[0].id").value("fan-0001"))
        .andExpect(jsonPath("$.next").isNotEmpty());
    mvc.perform(
            get("/api/v1/owner/fans")
                .param("size", "2")
                .param("after", "fan-0002")
                .header("Authorization", lily))
        .andExpect(jsonPath("$.fans[0].id").value("fan-0003"));
  }

  @Test
  void aBadFilterNamesTheParameterAndTheValuesExpected() throws Exception {
    mvc.perform(
            get("/api/v1/owner/fans")
                .param("label", "skin_type:olly")
                .header("Authorization", owner(LILY)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("label"))
        .andExpect(jsonPath("$.detail").value(containsString("expected one of dry (干皮)")))
        .andExpect(jsonPath("$.detail").value(containsString("got 'olly'")));
  }

  @Autowired Indexer indexer;

  @Test
  void aLabelSetThroughTheApiChangesLabelLiftAtOnce() throws Exception {
    String lily = owner(LILY);
    // fan-0003 bought bh-016 (家居>收纳); shop-mu rates them price-sensitive, shop-lily not yet.
    LabelLift before = indexer.aggregates().lift("price_sensitivity", "low", "家居>收纳");
    mvc.perform(
            put("/api/v1/owner/fans/fan-0003/labels/price_sensitivity")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": [\"不敏感\"]}"))
        .andExpect(status().isOk());

    LabelLift labelled = indexer.aggregates().lift("price_sensitivity", "low", "家居>收纳");
    assertEquals(before.valueCategoryEvents() + 1, labelled.valueCategoryEvents());
    assertTrue(labelled.lift() > before.lift(), () -> before + " -> " + labelled);

    mvc.perform(
            delete("/api/v1/owner/fans/fan-0003/labels/price_sensitivity")
                .header("Authorization", lily))
        .andExpect(status().isOk());
    assertSameLift(before, indexer.aggregates().lift("price_sensitivity", "low", "家居>收纳"));
  }

  /** Equal counts, and weights equal up to rounding (a weight added and taken away again). */
  private static void assertSameLift(LabelLift expected, LabelLift actual) {
    assertEquals(expected.valueCategoryEvents(), actual.valueCategoryEvents());
    assertEquals(expected.valueEvents(), actual.valueEvents());
    assertEquals(expected.lift(), actual.lift(), 1e-9);
    assertEquals(expected.valueCategoryWeight(), actual.valueCategoryWeight(), 1e-9);
    assertEquals(expected.valueWeight(), actual.valueWeight(), 1e-9);
    assertEquals(expected.dimensionCategoryWeight(), actual.dimensionCategoryWeight(), 1e-9);
    assertEquals(expected.dimensionWeight(), actual.dimensionWeight(), 1e-9);
  }

  @Test
  void setsChangesAndRemovesALabel() throws Exception {
    String lily = owner(LILY);
    mvc.perform(
            put("/api/v1/owner/fans/fan-0006/labels/skin_type")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": [\"混合皮\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.labels.skin_type.values[0]").value("combination"))
        .andExpect(jsonPath("$.labels.skin_type.source").value("owner"));
    mvc.perform(
            put("/api/v1/owner/fans/fan-0006/labels/skin_type")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": [\"dry\"], \"confidence\": 0.5}"))
        .andExpect(jsonPath("$.labels.skin_type.values[0]").value("dry"))
        .andExpect(jsonPath("$.labels.skin_type.confidence").value(0.5));
    mvc.perform(
            delete("/api/v1/owner/fans/fan-0006/labels/skin_type").header("Authorization", lily))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.labels.skin_type").doesNotExist());
    mvc.perform(
            delete("/api/v1/owner/fans/fan-0006/labels/skin_type").header("Authorization", lily))
        .andExpect(status().isNotFound());
  }

  @Test
  void aBadLabelNamesTheFieldAndWhatWasExpected() throws Exception {
    String lily = owner(LILY);
    mvc.perform(
            put("/api/v1/owner/fans/fan-0006/labels/skin_type")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": [\"dry\", \"oily\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("values"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("exactly one value")));
    mvc.perform(
            put("/api/v1/owner/fans/fan-0006/labels/hair_colour")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": [\"red\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("dimension"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("skin_type, home_style")));
    mvc.perform(
            put("/api/v1/owner/fans/fan-0006/labels/skin_type")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": [\"dry\"], \"confidence\": 2}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("confidence"));
    mvc.perform(
            put("/api/v1/owner/fans/fan-0006/labels/skin_type")
                .header("Authorization", lily)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("values"));
  }

  @Test
  void aFanTheOwnerDoesNotHaveIsNotFound() throws Exception {
    mvc.perform(get("/api/v1/owner/fans/fan-0008").header("Authorization", owner(LILY)))
        .andExpect(status().isNotFound());
    mvc.perform(
            put("/api/v1/owner/fans/fan-0008/labels/skin_type")
                .header("Authorization", owner(LILY))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": [\"dry\"]}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void aSharedFanShowsOnlyThisOwnersLabels() throws Exception {
    mvc.perform(get("/api/v1/owner/fans/fan-0001").header("Authorization", owner(MU)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.nickname").value("小美"))
        .andExpect(jsonPath("$.labels.home_style.values[0]").value("looks"))
        .andExpect(jsonPath("$.labels.skin_type").doesNotExist());
  }

  @Test
  void needsASignedInOwner() throws Exception {
    mvc.perform(get("/api/v1/owner/fans")).andExpect(status().isUnauthorized());
    mvc.perform(
            get("/api/v1/owner/fans")
                .header("Authorization", apiKey(io.fanshelf.api.auth.Scope.ADMIN)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/owner/fans").header("Authorization", "Bearer fso_expired"))
        .andExpect(status().isUnauthorized());
  }
}
