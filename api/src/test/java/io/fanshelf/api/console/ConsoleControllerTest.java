package io.fanshelf.api.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.ConsoleSignInForm;
import io.fanshelf.api.owner.FanService;
import io.fanshelf.api.owner.SegmentController.SegmentService;
import io.fanshelf.api.shelf.ShareLinkService;
import io.fanshelf.indexer.model.FanId;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ConsoleControllerTest extends ApiTestBase {
  @Autowired SegmentService segments;
  @Autowired ShareLinkService links;
  @Autowired FanService fans;

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private Cookie signIn(String owner) throws Exception {
    String setCookie =
        mvc.perform(ConsoleSignInForm.post(mvc, owner, PASSWORD))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/console/fans"))
            .andExpect(header().string("Set-Cookie", containsString("HttpOnly")))
            .andExpect(header().string("Set-Cookie", containsString("SameSite=Lax")))
            .andReturn()
            .getResponse()
            .getHeader("Set-Cookie");
    String value = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    return new Cookie("FANSHELF_SESSION", value);
  }

  /** The CSRF token of the page {@code page} requests. */
  private String csrf(MockHttpServletRequestBuilder page) throws Exception {
    String html = mvc.perform(page).andReturn().getResponse().getContentAsString();
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF field in the page");
    }
    return m.group(1);
  }

  @Test
  void aVisitorIsSentToSignIn() throws Exception {
    mvc.perform(get("/console/fans")).andExpect(redirectedUrl("/console/login"));
    mvc.perform(get("/console/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("登录")));
    mvc.perform(ConsoleSignInForm.post(mvc, "shop-lily", "nope"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void signInWithoutTheFormsCsrfValueIsRefusedWithTheFormAgain() throws Exception {
    var signedIn = ConsoleSignInForm.post(mvc, "shop-lily", PASSWORD);
    // Another site's form: the right password, but neither the cookie nor the field of the form.
    mvc.perform(post("/console/login").param("owner", "shop-lily").param("password", PASSWORD))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist("Retry-After"))
        .andExpect(header().string("Set-Cookie", containsString("FANSHELF_SIGN_IN=")))
        .andExpect(content().string(containsString("id=\"sign-in\"")))
        .andExpect(content().string(containsString("登录表单已过期或来自其他网站")));
    Cookie formCookie =
        mvc.perform(get("/console/login")).andReturn().getResponse().getCookie("FANSHELF_SIGN_IN");
    mvc.perform(
            post("/console/login")
                .cookie(new Cookie(formCookie.getName(), formCookie.getValue()))
                .param("_csrf", "x" + formCookie.getValue().substring(1))
                .param("owner", "shop-lily")
                .param("password", PASSWORD))
        .andExpect(status().isForbidden());
    mvc.perform(signedIn).andExpect(redirectedUrl("/console/fans"));
  }

  @Test
  void cookiesAreSecureWhenTheRequestCameOverHttps() throws Exception {
    var overHttps = ConsoleSignInForm.post(mvc, "shop-lily", PASSWORD).secure(true);
    mvc.perform(overHttps)
        .andExpect(status().isFound())
        .andExpect(header().string("Set-Cookie", containsString("Secure")));
    mvc.perform(get("/console/login").secure(true))
        .andExpect(header().string("Set-Cookie", containsString("Secure")));
    mvc.perform(get("/console/login"))
        .andExpect(header().string("Set-Cookie", not(containsString("Secure"))));
  }

  @Test
  void everyPageRendersInBothLanguages() throws Exception {
    Cookie session = signIn("shop-lily");
    for (String page :
        new String[] {
          "/console/fans", "/console/fans?f.skin_type=oily", "/console/fans/fan-0002",
              "/console/import",
          "/console/segments", "/console/curation?q=面霜", "/console/links", "/console/stats"
        }) {
      mvc.perform(get(page).cookie(session))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("莉莉美妆小铺")));
      mvc.perform(get(page + (page.contains("?") ? "&" : "?") + "lang=en").cookie(session))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("Sign out")));
    }
  }

  @Test
  void theStatisticsSayWhichRankingOrdersTheShelves() throws Exception {
    Cookie session = signIn("shop-lily");
    mvc.perform(get("/console/stats").param("lang", "en").cookie(session))
        .andExpect(content().string(containsString("How your shelves are ranked")))
        .andExpect(content().string(containsString("By what sells most; among equals")));
    mvc.perform(get("/console/stats").cookie(session))
        .andExpect(content().string(containsString("按销量排序，同等销量下符合粉丝标签的商品在前")));
  }

  @Test
  void formsNeedTheCsrfValue() throws Exception {
    Cookie session = signIn("shop-mu");
    mvc.perform(
            post("/console/fans/bulk")
                .cookie(session)
                .param("fan", "fan-0009")
                .param("dimension", "home_style")
                .param("value", "looks"))
        .andExpect(status().isForbidden());
    String token = csrf(get("/console/fans").cookie(session));
    mvc.perform(
            post("/console/fans/bulk")
                .cookie(session)
                .param("_csrf", token)
                .param("fan", "fan-0009")
                .param("dimension", "home_style")
                .param("value", "looks"))
        .andExpect(redirectedUrl("/console/fans"));
    mvc.perform(get("/console/fans/fan-0009").cookie(session).param("lang", "en"))
        .andExpect(content().string(containsString("Good looks")));
  }

  @Test
  void importPreviewsBeforeApplying() throws Exception {
    Cookie session = signIn("shop-mu");
    String token = csrf(get("/console/import").cookie(session));
    String html =
        mvc.perform(
                multipart("/console/import")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "labels.csv",
                            "text/csv",
                            "fan_id,home_style\nfan-0003,颜值\n".getBytes(StandardCharsets.UTF_8)))
                    .param("_csrf", token)
                    .cookie(session))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("name=\"pending\"")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher pending = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"").matcher(html);
    pending.find();
    mvc.perform(
            post("/console/import/apply")
                .param("pending", pending.group(1))
                .param("_csrf", token)
                .cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"result\"")));
    mvc.perform(
            post("/console/import/apply")
                .param("pending", pending.group(1))
                .param("_csrf", token)
                .cookie(session))
        .andExpect(status().isNotFound());
  }

  @Test
  void importErrorsAreSaidInThePageLanguageWithDisplayNames() throws Exception {
    Cookie session = signIn("shop-mu");
    String token = csrf(get("/console/import").cookie(session));
    MockMultipartFile sheet =
        new MockMultipartFile(
            "file",
            "labels.csv",
            "text/csv",
            "fan_id,skin_type\nfan-0003,olly\n".getBytes(StandardCharsets.UTF_8));
    mvc.perform(multipart("/console/import").file(sheet).param("_csrf", token).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<td>肤质</td>")))
        .andExpect(content().string(containsString("肤质没有“olly”这个值，可选：干皮、混合皮、油皮、敏感肌")));
    mvc.perform(
            multipart("/console/import")
                .file(sheet)
                .param("_csrf", token)
                .param("lang", "en")
                .cookie(session))
        .andExpect(content().string(containsString("<td>Skin type</td>")))
        .andExpect(
            content().string(containsString("Skin type has no value “olly”; choose one of")));
  }

  @Test
  void aRefusedBulkActionShowsTheTableAgainWithTheReasonInThePageLanguage() throws Exception {
    Cookie session = signIn("shop-mu");
    String token = csrf(get("/console/fans").cookie(session).param("lang", "zh-CN"));
    mvc.perform(
            post("/console/fans/bulk")
                .cookie(session)
                .param("_csrf", token)
                .param("dimension", "skin_type")
                .param("value", "dry"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("请先勾选至少一位粉丝")))
        .andExpect(content().string(containsString("id=\"fans\"")));
    mvc.perform(
            post("/console/fans/bulk")
                .cookie(session)
                .param("_csrf", token)
                .param("fan", "fan-0009")
                .param("dimension", "skin_type")
                .param("value", "dry")
                .param("value", "oily"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("肤质只能选一个值，这里有 2 个")));
  }

  @Test
  void signInAfterTheBudgetIsSpentShowsTheSignInPageWithTheWait() throws Exception {
    var guess =
        ConsoleSignInForm.post(mvc, "shop-budget", "guess-number-x")
            .header("Accept-Language", "en");
    for (int attempt = 1; attempt <= 10; attempt++) {
      mvc.perform(guess).andExpect(status().isUnauthorized());
    }
    mvc.perform(guess)
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().contentTypeCompatibleWith("text/html"))
        .andExpect(content().string(containsString("id=\"sign-in\"")))
        .andExpect(content().string(matchesPattern("(?s).*try again in \\d+ s.*")));
  }

  @Test
  void deletingASegmentAndRevokingItsLinksAskFirstWithoutScript() throws Exception {
    Cookie session = signIn("shop-anna");
    String token = csrf(get("/console/segments").cookie(session));
    fans.setLabel(ANNA, FanId.of("fan-0002"), "price_sensitivity", List.of("low"), 1.0);
    mvc.perform(
            post("/console/segments")
                .cookie(session)
                .param("_csrf", token)
                .param("name", "to be deleted")
                .param("f.price_sensitivity", "low"))
        .andExpect(redirectedUrl("/console/segments"));
    String id =
        segments.list(ANNA).stream()
            .filter(s -> s.name().equals("to be deleted"))
            .findFirst()
            .orElseThrow()
            .id();
    mvc.perform(post("/console/segments/" + id + "/links").cookie(session).param("_csrf", token))
        .andExpect(redirectedUrl("/console/links?segment=" + id));
    mvc.perform(post("/console/segments/" + id + "/revoke").cookie(session).param("_csrf", token))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"confirm-yes\"")))
        .andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")));
    Assertions.assertFalse(links.forSegmentList(ANNA, id, false).isEmpty(), "not revoked yet");
    mvc.perform(
            post("/console/segments/" + id + "/revoke")
                .cookie(session)
                .param("_csrf", token)
                .param("confirmed", "true"))
        .andExpect(redirectedUrl("/console/segments"));
    Assertions.assertTrue(links.forSegmentList(ANNA, id, false).isEmpty(), "revoked");
    mvc.perform(post("/console/segments/" + id + "/delete").cookie(session).param("_csrf", token))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("to be deleted")));
    Assertions.assertTrue(
        segments.list(ANNA).stream().anyMatch(s -> s.id().equals(id)), "still there");
    mvc.perform(
            post("/console/segments/" + id + "/delete")
                .cookie(session)
                .param("_csrf", token)
                .param("confirmed", "true"))
        .andExpect(redirectedUrl("/console/segments"));
    Assertions.assertTrue(segments.list(ANNA).stream().noneMatch(s -> s.id().equals(id)));
  }

  @Test
  void theErrorPageLeadsBackWithARealLink() throws Exception {
    Cookie session = signIn("shop-anna");
    String token = csrf(get("/console/segments").cookie(session));
    mvc.perform(
            post("/console/segments/no-such-segment/delete")
                .cookie(session)
                .param("_csrf", token)
                .param("lang", "en"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("href=\"/console/segments\"")))
        .andExpect(content().string(containsString("Back to Segments")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("javascript:"))));
  }

  @Test
  void anOwnerSeesTheDimensionsOfTheirOwnShop() throws Exception {
    // Mu's labels are home style and price sensitivity: no skin type in Mu's pickers.
    Cookie mu = signIn("shop-mu");
    mvc.perform(get("/console/fans").cookie(mu))
        .andExpect(content().string(containsString("id=\"filter-home_style\"")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("filter-skin_type"))));
    // Lily labels in all three domains and sees all three.
    mvc.perform(get("/console/fans").cookie(signIn("shop-lily")))
        .andExpect(content().string(containsString("id=\"filter-skin_type\"")))
        .andExpect(content().string(containsString("id=\"filter-home_style\"")));
  }

  @Test
  void theImportPageOffersATemplateOfTheOwnersColumnsWithAnExample() throws Exception {
    Cookie mu = signIn("shop-mu");
    mvc.perform(get("/console/import").cookie(mu))
        .andExpect(content().string(containsString("href=\"/console/import/template.csv\"")))
        .andExpect(content().string(containsString("<th>home_style</th>")));
    String csv =
        mvc.perform(get("/console/import/template.csv").cookie(mu))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition", containsString("attachment")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    Assertions.assertEquals("\uFEFFfan_id,home_style,price_sensitivity", lines[0]);
    Assertions.assertEquals("fan-0001,性价比,价格敏感", lines[1]);
    Assertions.assertEquals("fan-0003,性价比;颜值,适中", lines[2]);
  }

  @Test
  void theErrorPathIsNotAServerError() throws Exception {
    mvc.perform(get("/error")).andExpect(status().isNotFound());
  }

  @Test
  void signOutEndsTheSession() throws Exception {
    Cookie session = signIn("shop-anna");
    mvc.perform(post("/console/logout").cookie(session)).andExpect(redirectedUrl("/console/login"));
    mvc.perform(get("/console/fans").cookie(session)).andExpect(redirectedUrl("/console/login"));
  }
}
