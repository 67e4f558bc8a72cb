package io.fanshelf.api.funnel;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The funnel API on events posted for March 2025, a month no other test writes to: attribution by
 * owner and by click window, per segment, validation, and one owner never seeing another's.
 */
class FunnelControllerTest extends ApiTestBase {
  private static final String MARCH =
      """
      {"events": [
        {"id": "fn-1", "fan": "fan-0009", "product": "bh-002", "type": "impression",
         "time": "2025-03-02T10:00:00Z", "owner": "shop-mu", "page": "shelf:fn"},
        {"id": "shelf-imp-fnr1-0", "fan": "fan-0009", "product": "bh-002", "type": "impression",
         "time": "2025-03-02T10:00:00Z", "owner": "shop-mu", "page": "shelf:fn"},
        {"id": "shelf-clk-fnr1-bh-002", "fan": "fan-0009", "product": "bh-002", "type": "click",
         "time": "2025-03-02T10:01:00Z", "owner": "shop-mu", "page": "shelf:fn"},
        {"id": "fn-2", "fan": "fan-0009", "product": "bh-002", "type": "cart",
         "time": "2025-03-02T10:03:00Z"},
        {"id": "fn-3", "fan": "fan-0009", "product": "bh-002", "type": "purchase",
         "time": "2025-03-03T09:00:00Z", "value": 2},
        {"id": "shelf-imp-fnr2-0", "fan": "fan-0008", "product": "bh-004", "type": "impression",
         "time": "2025-03-04T10:00:00Z", "owner": "shop-mu", "page": "shelf:fn2"},
        {"id": "fn-4", "fan": "fan-0001", "product": "bh-004", "type": "purchase",
         "time": "2025-03-05T10:00:00Z", "owner": "shop-mu"},
        {"id": "shelf-imp-fnr3-0", "fan": "fan-0001", "product": "bh-005", "type": "impression",
         "time": "2025-03-05T11:00:00Z", "owner": "shop-lily", "page": "shelf:fn3"},
        {"id": "fn-5", "fan": "fan-0001", "product": "bh-005", "type": "purchase",
         "time": "2025-03-05T11:10:00Z", "owner": "shop-lily"},
        {"id": "fn-6", "fan": "fan-0003", "product": "bh-006", "type": "purchase",
         "time": "2025-03-06T10:00:00Z"},
        {"id": "fn-7", "fan": "fan-0009", "product": "bh-002", "type": "purchase",
         "time": "2025-03-12T10:00:00Z"}
      ]}
      """;

  private static boolean posted;

  @BeforeEach
  void postMarch() throws Exception {
    synchronized (FunnelControllerTest.class) {
      if (!posted) {
        mvc.perform(
                post("/api/v1/events")
                    .header("Authorization", apiKey(Scope.EVENTS_WRITE))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(MARCH))
            .andExpect(status().isOk());
        posted = true;
      }
    }
  }

  @Test
  void countsWhatCarriesTheOwnerAndWhatFollowsAClickOnTheirShelf() throws Exception {
    mvc.perform(
            get("/api/v1/owner/funnel")
                .param("from", "2025-03-01")
                .param("to", "2025-03-14")
                .header("Authorization", owner(MU)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.from").value("2025-03-01"))
        .andExpect(jsonPath("$.days.length()").value(14))
        .andExpect(jsonPath("$.stages[0].stage").value("SHARED"))
        .andExpect(jsonPath("$.stages[0].fans").value(2))
        .andExpect(jsonPath("$.stages[1].stage").value("OPENED"))
        .andExpect(jsonPath("$.stages[1].fans").value(2))
        .andExpect(jsonPath("$.stages[1].events").value(2))
        .andExpect(jsonPath("$.stages[2].fans").value(1))
        .andExpect(jsonPath("$.stages[3].events").value(1))
        .andExpect(jsonPath("$.stages[4].stage").value("BOUGHT"))
        // fan-0009's purchase a day after the click (2 x 129.00), fan-0001's carrying shop-mu
        // (89.00); not fan-0009's 10 days after the click, nor fan-0003's with no click at all.
        .andExpect(jsonPath("$.stages[4].fans").value(2))
        .andExpect(jsonPath("$.stages[4].events").value(2))
        .andExpect(jsonPath("$.revenueCents").value(25_800 + 8_900))
        .andExpect(jsonPath("$.commissionCents").value(5_160 + 1_068))
        .andExpect(jsonPath("$.days[2].purchases").value(1))
        .andExpect(jsonPath("$.days[2].revenueCents").value(25_800));
  }

  @Test
  void aSegmentCountsOnlyItsFans() throws Exception {
    String mu = owner(MU);
    String body =
        mvc.perform(
                post("/api/v1/owner/segments")
                    .header("Authorization", mu)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"name\": \"good value\", \"labels\": {\"home_style\": [\"value\"]}}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String segment = JsonPath.read(body, "$.id");
    mvc.perform(
            get("/api/v1/owner/funnel")
                .param("from", "2025-03-01")
                .param("to", "2025-03-07")
                .param("segment", segment)
                .header("Authorization", mu))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.segment").value(segment))
        .andExpect(jsonPath("$.segmentName").value("good value"))
        .andExpect(jsonPath("$.stages[1].fans").value(1))
        .andExpect(jsonPath("$.stages[4].fans").value(1))
        .andExpect(jsonPath("$.revenueCents").value(25_800));
    // Another owner cannot name it: to them it does not exist.
    mvc.perform(
            get("/api/v1/owner/funnel")
                .param("segment", segment)
                .header("Authorization", owner(LILY)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("segment"));
  }

  @Test
  void oneOwnerNeverSeesAnothersFunnel() throws Exception {
    mvc.perform(
            get("/api/v1/owner/funnel")
                .param("from", "2025-03-01")
                .param("to", "2025-03-14")
                .header("Authorization", owner(LILY)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stages[1].fans").value(1))
        .andExpect(jsonPath("$.stages[4].fans").value(1))
        .andExpect(jsonPath("$.revenueCents").value(9_900))
        .andExpect(jsonPath("$.commissionCents").value(990));
    mvc.perform(
            get("/api/v1/owner/funnel")
                .param("from", "2025-03-01")
                .param("to", "2025-03-14")
                .header("Authorization", owner(ANNA)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stages[1].fans").value(0))
        .andExpect(jsonPath("$.stages[4].events").value(0))
        .andExpect(jsonPath("$.revenueCents").value(0));
  }

  @Test
  void badPeriodsAndCallersAreRefused() throws Exception {
    String mu = owner(MU);
    mvc.perform(get("/api/v1/owner/funnel").param("from", "2025-13-01").header("Authorization", mu))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("from"));
    mvc.perform(get("/api/v1/owner/funnel").param("to", "yesterday").header("Authorization", mu))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("to"));
    mvc.perform(
            get("/api/v1/owner/funnel")
                .param("from", "2025-03-10")
                .param("to", "2025-03-01")
                .header("Authorization", mu))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("from"));
    mvc.perform(
            get("/api/v1/owner/funnel")
                .param("from", "2024-01-01")
                .param("to", "2025-03-01")
                .header("Authorization", mu))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("to"));
    mvc.perform(get("/api/v1/owner/funnel")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/owner/funnel").header("Authorization", apiKey(Scope.RECOMMEND_READ)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/owner/funnel").header("Authorization", mu))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.days.length()").value(30));
  }
}
