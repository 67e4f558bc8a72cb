package io.fanshelf.api.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.ConsoleSignInForm;
import io.fanshelf.api.auth.AuthFilter;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

/**
 * The funnel page and its CSV over MockMvc: both languages, the period and segment checked, the
 * fixture's attributed purchase (fan-0001 bought 2 x bh-001 for shop-lily on 2026-10-20).
 */
class ConsoleFunnelTest extends ApiTestBase {
  private Cookie signIn(String owner) throws Exception {
    String setCookie =
        mvc.perform(ConsoleSignInForm.post(mvc, owner, PASSWORD))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getHeader("Set-Cookie");
    String value = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    return new Cookie(AuthFilter.SESSION_COOKIE, value);
  }

  @Test
  void showsTheFunnelOfAPeriodInBothLanguages() throws Exception {
    Cookie session = signIn("shop-lily");
    mvc.perform(
            get("/console/funnel")
                .param("from", "2026-10-01")
                .param("to", "2026-10-31")
                .cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("转化漏斗：从分享链接到购买")))
        .andExpect(content().string(containsString("/webjars/chart.js/")))
        .andExpect(content().string(containsString("data-chart=")))
        .andExpect(content().string(containsString("fan-0001")));
    mvc.perform(get("/console/funnel").param("lang", "en").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Shelf funnel: from shared link to purchase")))
        .andExpect(content().string(containsString("Sign out")));
  }

  @Test
  void theCsvHasOneRowPerFanWithMoney() throws Exception {
    Cookie session = signIn("shop-lily");
    mvc.perform(
            get("/console/funnel/export.csv")
                .param("from", "2026-10-01")
                .param("to", "2026-10-31")
                .cookie(session))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", containsString("funnel-2026-10-01")))
        .andExpect(
            content()
                .string(
                    startsWith(
                        "\uFEFFfan_id,opens,clicks,carts,purchases,revenue,commission,from,to\r\n")))
        .andExpect(content().string(containsString("fan-0001,")))
        .andExpect(content().string(containsString(",119.80,17.97,2026-10-01,2026-10-31")));
  }

  @Test
  void aBadPeriodOrAnotherOwnersSegmentIsRefusedOnTheErrorPage() throws Exception {
    Cookie session = signIn("shop-mu");
    mvc.perform(get("/console/funnel").param("from", "2026-10-32").cookie(session))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("YYYY-MM-DD")));
    mvc.perform(get("/console/funnel").param("segment", "seg_nope").cookie(session))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("seg_nope")));
    mvc.perform(get("/console/funnel/export.csv").param("to", "2026-1-1").cookie(session))
        .andExpect(status().isBadRequest());
  }
}
