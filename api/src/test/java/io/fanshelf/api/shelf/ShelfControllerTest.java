package io.fanshelf.api.shelf;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.ConsoleSignInForm;
import io.fanshelf.api.owner.StatsService;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class ShelfControllerTest extends ApiTestBase {
  @Autowired ShareLinkStore links;
  @Autowired ShelfService shelves;
  @Autowired StatsService stats;
  @Autowired Indexer indexer;

  private String path(String owner, String fan) throws Exception {
    ShareLink link =
        links
            .ensure(
                io.fanshelf.indexer.model.OwnerId.of(owner),
                List.of(FanId.of(fan)),
                Optional.empty())
            .getFirst();
    return "/s/" + link.token();
  }

  @Test
  void rendersTheShelfForTheFanWithoutPrivateLabelsOrNicknames() throws Exception {
    String page = path("shop-lily", "fan-0001");
    mvc.perform(get(page).header("Accept-Language", "zh-CN,zh;q=0.9"))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Robots-Tag", "noindex, nofollow"))
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(
            content()
                .string(containsString("<meta name=\"robots\" content=\"noindex, nofollow\">")))
        .andExpect(content().string(containsString("莉莉美妆小铺")))
        .andExpect(content().string(containsString("为你推荐")))
        .andExpect(content().string(containsString("/go/")))
        // fan-0001 is labelled price-sensitive (private) and has a remark name: neither shows.
        .andExpect(content().string(not(containsString("价格敏感"))))
        .andExpect(content().string(not(containsString("Price-sensitive"))))
        .andExpect(content().string(not(containsString("王小美"))))
        .andExpect(content().string(not(containsString("fan-0001"))));
  }

  @Test
  void eachViewOfACachedShelfCarriesItsOwnRenderId() throws Exception {
    String page = path("shop-lily", "fan-0004");
    String first = mvc.perform(get(page)).andReturn().getResponse().getContentAsString();
    String second = mvc.perform(get(page)).andReturn().getResponse().getContentAsString();
    java.util.regex.Pattern renderId = java.util.regex.Pattern.compile("\\?r=([A-Za-z0-9_-]+)\"");
    java.util.regex.Matcher a = renderId.matcher(first);
    java.util.regex.Matcher b = renderId.matcher(second);
    Assertions.assertTrue(a.find() && b.find(), "cards link with a render id");
    Assertions.assertNotEquals(a.group(1), b.group(1));
    Assertions.assertEquals(first.replace(a.group(1), "R"), second.replace(b.group(1), "R"));
  }

  @Test
  void showsProductPicturesWhereTheCatalogHasThemAndAllowsTheirHost() throws Exception {
    String html =
        mvc.perform(get(path("shop-lily", "fan-0004")))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string(
                        "Content-Security-Policy", containsString("img-src 'self' data: https:;")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    // bh-001 and bh-002 have pictures in the fixture; bh-003 has none and shows its initial.
    Assertions.assertTrue(
        html.matches("(?s).*<img class=\"image\" src=\"/pictures/bh-00\\d\\.svg\".*"),
        "a card with a picture");
    Assertions.assertTrue(
        html.contains("<div class=\"image\" aria-hidden=\"true\">"), "a card without");
  }

  @Test
  void speaksEnglishFromAcceptLanguageOrTheParameter() throws Exception {
    String page = path("shop-lily", "fan-0002");
    mvc.perform(get(page).header("Accept-Language", "en-GB,en;q=0.8"))
        .andExpect(content().string(containsString("For you")))
        .andExpect(content().string(containsString("lang=\"en\"")));
    mvc.perform(get(page).param("lang", "zh-CN").header("Accept-Language", "en"))
        .andExpect(content().string(containsString("lang=\"zh-CN\"")));
    // No preference: the owner's locale (Anna's is English).
    mvc.perform(get(path("shop-anna", "fan-0010")))
        .andExpect(content().string(containsString("lang=\"en\"")));
  }

  @Test
  void recordsImpressionsAndClicksForTheOwner() throws Exception {
    String page = path("shop-lily", "fan-0007");
    var before = stats.fan(LILY, FanId.of("fan-0007"));
    String html = mvc.perform(get(page)).andReturn().getResponse().getContentAsString();
    shelves.flush();
    var after = stats.fan(LILY, FanId.of("fan-0007"));
    Assertions.assertEquals(before.pageViews() + 1, after.pageViews());
    Assertions.assertTrue(after.impressions() > before.impressions(), "impressions recorded");
    int at = html.indexOf(page + "/go/");
    String href = html.substring(at, html.indexOf('"', at)).replace("&amp;", "&");
    String product = href.substring((page + "/go/").length(), href.indexOf('?'));
    String token = page.substring("/s/".length());
    String productPage = "/buy/" + product + "?ref=shop-lily&shelf=" + token;
    mvc.perform(get(href)).andExpect(status().isFound()).andExpect(redirectedUrl(productPage));
    // The built-in product page: the product by name, the shop, and the way back to the shelf.
    String title = catalogTitle(product);
    mvc.perform(get(productPage).header("Accept-Language", "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(content().string(containsString("<h1 class=\"product-title\">" + title)))
        .andExpect(content().string(containsString("由 莉莉美妆小铺 为你推荐")))
        .andExpect(content().string(containsString("href=\"" + page + "\"")))
        .andExpect(content().string(not(containsString("fan-0007"))));
    Assertions.assertEquals(before.clicks() + 1, stats.fan(LILY, FanId.of("fan-0007")).clicks());
    // The same click of the same render is one click.
    mvc.perform(get(href)).andExpect(status().isFound());
    Assertions.assertEquals(before.clicks() + 1, stats.fan(LILY, FanId.of("fan-0007")).clicks());
  }

  @Test
  void moreLikeThisCountsTheFansClickAndShowsSimilarCardsWithoutPrivateLabels() throws Exception {
    // Lily labels fan-0001 oily (displayable) and price-sensitive (private)
    String page = path("shop-lily", "fan-0001");
    var before = stats.fan(LILY, FanId.of("fan-0001"));
    String shelf = mvc.perform(get(page)).andReturn().getResponse().getContentAsString();
    Assertions.assertEquals(
        shelf.split(page + "/go/", -1).length,
        shelf.split(page + "/more/", -1).length,
        "every card offers more like it");
    // the rose tea: fans bought it with the chrysanthemum tea
    String html =
        mvc.perform(get(page + "/more/bh-011?r=abcdefgh12").header("Accept-Language", "zh-CN"))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(content().string(containsString("和「玫瑰花茶 调理气色」相似的")))
            .andExpect(content().string(containsString("href=\"" + page + "?lang=zh-CN\"")))
            .andExpect(content().string(containsString("/more/bh-012?r=")))
            .andExpect(content().string(containsString(page + "/go/bh-012?")))
            .andExpect(content().string(not(containsString("价格敏感"))))
            .andExpect(content().string(not(containsString("fan-0001"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Assertions.assertFalse(html.contains("/go/bh-011?"), "not the product itself");
    Assertions.assertFalse(html.contains("/go/bh-013?"), "nor the sold-out tea");
    shelves.flush();
    var after = stats.fan(LILY, FanId.of("fan-0001"));
    Assertions.assertEquals(before.clicks() + 1, after.clicks(), "counted as the fan's click");
    Assertions.assertEquals(before.pageViews() + 1, after.pageViews(), "the shelf, not this page");
    mvc.perform(get(page + "/more/no-such-product"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("href=\"" + page + "\"")));
    Assertions.assertEquals(after.clicks(), stats.fan(LILY, FanId.of("fan-0001")).clicks());
  }

  // fan-0002: SegmentControllerTest counts fan-0003's events exactly, in the same application
  @Test
  void theOwnersPreviewFromTheConsoleCountsNoViewImpressionOrClick() throws Exception {
    String page = path("shop-lily", "fan-0002");
    Cookie lily = signIn("shop-lily");
    var before = stats.fan(LILY, FanId.of("fan-0002"));
    String html =
        mvc.perform(get(page).cookie(lily).header("Accept-Language", "zh-CN"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("店主预览")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    int at = html.indexOf(page + "/go/");
    String buy = html.substring(at, html.indexOf('"', at)).replace("&amp;", "&");
    mvc.perform(get(buy).cookie(lily)).andExpect(status().isFound());
    at = html.indexOf(page + "/more/");
    String more = html.substring(at, html.indexOf('"', at)).replace("&amp;", "&");
    mvc.perform(get(more).cookie(lily))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("店主预览")));
    mvc.perform(get(page + "/go/no-such-product").cookie(lily)).andExpect(status().isNotFound());
    shelves.flush();
    var after = stats.fan(LILY, FanId.of("fan-0002"));
    Assertions.assertEquals(before.pageViews(), after.pageViews());
    Assertions.assertEquals(before.impressions(), after.impressions());
    Assertions.assertEquals(before.clicks(), after.clicks());

    // another owner's session is not this owner's preview; the fan's own view counts
    mvc.perform(get(page).cookie(signIn("shop-mu")))
        .andExpect(content().string(not(containsString("店主预览"))));
    mvc.perform(get(page)).andExpect(content().string(not(containsString("店主预览"))));
    shelves.flush();
    Assertions.assertEquals(
        before.pageViews() + 2, stats.fan(LILY, FanId.of("fan-0002")).pageViews());
  }

  private Cookie signIn(String owner) throws Exception {
    String setCookie =
        mvc.perform(ConsoleSignInForm.post(mvc, owner, PASSWORD))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getHeader("Set-Cookie");
    return new Cookie(
        "FANSHELF_SESSION",
        setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';')));
  }

  @Test
  void theProductPageOffersNoWayBackWithoutAnActiveShelfAndKnowsNoUnknownProduct()
      throws Exception {
    mvc.perform(get("/buy/bh-002").param("ref", "shop-lily").param("shelf", "not-a-token"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("深层保湿面霜")))
        .andExpect(content().string(not(containsString("id=\"back\""))));
    mvc.perform(get("/buy/no-such-product").param("ref", "shop-lily"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(not(containsString("href=\"null\""))));
    mvc.perform(get("/buy/%20bad%3Cid").param("ref", "bad owner")).andExpect(status().isNotFound());
  }

  @Test
  void anUnknownLinkIsNotFound() throws Exception {
    mvc.perform(get("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("noindex")));
    mvc.perform(get("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/go/bh-001"))
        .andExpect(status().isNotFound());
  }

  @Test
  void aClickOnAProductTheCatalogDoesNotHaveShowsTheShelfsOwnNotFoundPage() throws Exception {
    String page = path("shop-lily", "fan-0006");
    String emoji = "%F0%9F%98%80";
    for (String product : List.of("no-such-product", "-1", "a%20b", "*", "p".repeat(129), emoji)) {
      mvc.perform(get(URI.create(page + "/go/" + product)))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
          .andExpect(content().string(containsString("noindex")))
          .andExpect(content().string(containsString("href=\"" + page + "\"")));
    }
  }

  @Test
  void eachLinkHasARateLimit() throws Exception {
    String page = path("shop-lily", "fan-0005");
    int status = 200;
    int requests = 0;
    while (status == 200 && requests < 100) {
      status = mvc.perform(get(page)).andReturn().getResponse().getStatus();
      requests++;
    }
    Assertions.assertEquals(429, status);
    Assertions.assertTrue(requests > 25, "the burst allows about 30 requests, got " + requests);
  }

  private String catalogTitle(String product) throws Exception {
    return indexer.store().catalog().get(ProductId.of(product)).orElseThrow().title();
  }
}
