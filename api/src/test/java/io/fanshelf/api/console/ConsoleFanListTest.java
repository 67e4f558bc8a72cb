package io.fanshelf.api.console;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.ConsoleSignInForm;
import io.fanshelf.api.auth.AuthService;
import io.fanshelf.api.event.EventService;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanQuery;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The console's fan list for an owner with 10,000 fans whose ids are numbers: numeric order,
 * search, sorting by activity, numbered pages, and a bulk action on every fan a filter selects. The
 * owner, shop-big, is made here and used by no other test.
 */
class ConsoleFanListTest extends ApiTestBase {
  static final OwnerId BIG = OwnerId.of("shop-big");
  static final int FANS = 10_000;
  private static final Pattern ROW = Pattern.compile("<tr data-fan=\"([^\"]+)\"");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static boolean made;

  @Autowired Indexer indexer;
  @Autowired AuthService auth;
  @Autowired EventService events;

  /**
   * Fans "1" to "10000"; every seventh is nicknamed 小红, the others 粉丝; every third has oily skin.
   * Fan 42 bought three times through the owner's shelf, fan 7 once; fan 9999 clicked last.
   */
  @BeforeEach
  void makeTheBigShop() throws Exception {
    synchronized (ConsoleFanListTest.class) {
      if (made) {
        return;
      }
      Owner owner = new Owner(BIG, "大店", Locale.SIMPLIFIED_CHINESE, Optional.empty());
      List<Fan> fans = new ArrayList<>();
      List<Label> labels = new ArrayList<>();
      for (int i = 1; i <= FANS; i++) {
        String nickname = (i % 7 == 0 ? "小红" : "粉丝") + i;
        fans.add(new Fan(BIG, FanId.of(Integer.toString(i)), Optional.of(nickname), START));
        if (i % 3 == 0) {
          labels.add(
              new Label(
                  BIG,
                  FanId.of(Integer.toString(i)),
                  "skin_type",
                  List.of("oily"),
                  LabelSource.IMPORT,
                  1.0,
                  START,
                  "test"));
        }
      }
      ShopImport.shop(indexer, owner, fans, labels);
      auth.setPassword(BIG, PASSWORD);
      events.append(
          List.of(
              attributed("big-1", "42", EventType.PURCHASE, START.plusSeconds(60)),
              attributed("big-2", "42", EventType.PURCHASE, START.plusSeconds(120)),
              attributed("big-3", "42", EventType.PURCHASE, START.plusSeconds(180)),
              attributed("big-4", "7", EventType.PURCHASE, START.plusSeconds(240)),
              attributed("big-5", "9999", EventType.CLICK, START.plusSeconds(3600))));
      made = true;
    }
  }

  private static Event attributed(String id, String fan, EventType type, Instant at) {
    return new Event(
        EventId.of(id),
        FanId.of(fan),
        ProductId.of("bh-001"),
        type,
        at,
        Optional.of(BIG),
        Optional.empty(),
        Optional.of("test"),
        OptionalDouble.empty());
  }

  private Cookie signIn() throws Exception {
    String setCookie =
        mvc.perform(ConsoleSignInForm.post(mvc, BIG.value(), PASSWORD))
            .andReturn()
            .getResponse()
            .getHeader("Set-Cookie");
    return new Cookie(
        "FANSHELF_SESSION",
        setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';')));
  }

  private String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static List<String> rows(String html) {
    List<String> rows = new ArrayList<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      rows.add(m.group(1));
    }
    return rows;
  }

  @Test
  void tenThousandFansComeInNumericOrderOnNumberedPages() throws Exception {
    Cookie session = signIn();
    String first = html(get("/console/fans").cookie(session));
    // Measured, not asserted: what the owner waits for, printed for docs/api.md.
    for (String sort : List.of("id", "active")) {
      long started = System.nanoTime();
      html(get("/console/fans").param("sort", sort).param("page", "100").cookie(session));
      System.out.printf(
          "console fan list, %,d fans, sort=%s, page 100: %d ms%n",
          FANS, sort, (System.nanoTime() - started) / 1_000_000);
    }
    Assertions.assertEquals(List.of("1", "2", "3", "4", "5"), rows(first).subList(0, 5));
    Assertions.assertEquals(ConsoleFansController.PAGE_SIZE, rows(first).size());
    Assertions.assertTrue(first.contains("你的粉丝（10,000）"), "total");
    Assertions.assertTrue(first.contains("第 1 / 200 页"), "page count");
    Assertions.assertEquals(
        List.of("9951", "9952"),
        rows(html(get("/console/fans").param("page", "200").cookie(session))).subList(0, 2));
    Assertions.assertEquals(
        "10000", rows(html(get("/console/fans").param("page", "200").cookie(session))).getLast());
    // Past the last page is the last page.
    Assertions.assertTrue(
        html(get("/console/fans").param("page", "999").cookie(session)).contains("第 200 / 200 页"));
  }

  @Test
  void sortsByPurchasesAndByLastActivity() throws Exception {
    Cookie session = signIn();
    String byPurchases = html(get("/console/fans").param("sort", "purchases").cookie(session));
    Assertions.assertEquals(List.of("42", "7", "1"), rows(byPurchases).subList(0, 3));
    String byActivity = html(get("/console/fans").param("sort", "active").cookie(session));
    Assertions.assertEquals(List.of("9999", "7", "42", "1"), rows(byActivity).subList(0, 4));
    Assertions.assertTrue(byActivity.contains("2026-11-01 01:00"), "last active shown");
  }

  @Test
  void searchFindsFansByIdAndNicknameWithinTheFilter() throws Exception {
    Cookie session = signIn();
    // Nicknamed 小红 and oily: multiples of 21, 476 of them up to 10,000.
    String found =
        html(get("/console/fans").param("q", "小红").param("f.skin_type", "oily").cookie(session));
    Assertions.assertTrue(found.contains("你的粉丝（476）"), "476 matches");
    Assertions.assertEquals(List.of("21", "42", "63"), rows(found).subList(0, 3));
    Assertions.assertEquals(
        List.of("4242"), rows(html(get("/console/fans").param("q", "红4242").cookie(session))));
    // Another owner's search never reaches shop-big's fans.
    Cookie lily = new Cookie("FANSHELF_SESSION", "");
    String setCookie =
        mvc.perform(ConsoleSignInForm.post(mvc, "shop-lily", PASSWORD))
            .andReturn()
            .getResponse()
            .getHeader("Set-Cookie");
    lily.setValue(setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';')));
    Assertions.assertEquals(
        List.of(), rows(html(get("/console/fans").param("q", "小红").cookie(lily))));
  }

  @Test
  void badListParametersAreRefusedNamingTheParameter() throws Exception {
    Cookie session = signIn();
    mvc.perform(get("/console/fans").param("page", "zwei").cookie(session))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("page")));
    mvc.perform(get("/console/fans").param("sort", "mood").cookie(session))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("expected one of id, active")));
  }

  @Test
  void aBulkActionOnEveryMatchingFanAsksFirstWithTheCount() throws Exception {
    Cookie session = signIn();
    String page = html(get("/console/fans").param("q", "小红").cookie(session));
    Matcher csrf = CSRF.matcher(page);
    Assertions.assertTrue(csrf.find());
    var request =
        post("/console/fans/bulk")
            .cookie(session)
            .param("_csrf", csrf.group(1))
            .param("scope", "all")
            .param("q", "小红")
            .param("dimension", "price_sensitivity")
            .param("value", "high");
    // 小红 are the multiples of 7: 1,428 fans. Nothing changes before the confirmation.
    String ask = html(request);
    Assertions.assertTrue(ask.contains("1,428"), ask);
    Assertions.assertTrue(ask.contains("name=\"confirmed\" value=\"true\""), "confirm form");
    Assertions.assertEquals(0, labelled("price_sensitivity"));
    // A count that no longer matches asks again.
    html(request.param("confirmed", "true").param("count", "1427"));
    Assertions.assertEquals(0, labelled("price_sensitivity"));
    mvc.perform(
            post("/console/fans/bulk")
                .cookie(session)
                .param("_csrf", csrf.group(1))
                .param("scope", "all")
                .param("q", "小红")
                .param("dimension", "price_sensitivity")
                .param("value", "high")
                .param("confirmed", "true")
                .param("count", "1428"))
        .andExpect(redirectedUrl("/console/fans?q=%E5%B0%8F%E7%BA%A2"));
    Assertions.assertEquals(1428, labelled("price_sensitivity"));
  }

  private long labelled(String dimension) throws Exception {
    return indexer
        .store()
        .fans()
        .find(new FanQuery(BIG, Map.of(dimension, Set.of("high")), Set.of(), Optional.empty(), 1))
        .total();
  }
}
