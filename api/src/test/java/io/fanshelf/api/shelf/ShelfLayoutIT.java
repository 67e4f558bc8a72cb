package io.fanshelf.api.shelf;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.HeadlessChromium;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The beauty demo shop's fan page on a phone (390x844 CSS pixels, headless Chromium with the CJK
 * fonts of Debian's fonts-noto-cjk), in zh-CN and English, judged by layout facts rather than
 * pixels: nothing wider than the screen, every card's picture loaded, as many cards as the shelf
 * has items, each title and reason inside its card, no title taller than its three lines. It writes
 * what the browser showed to docs/screenshots/, so the pictures there are the current page. The
 * server does not train in the background here: the page is ranked as a new shop's is.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fanshelf.demo=true",
      "fanshelf.demo-data=classpath:demo/beauty/",
      "fanshelf.demo-password=" + ApiTestBase.PASSWORD,
      "fanshelf.models.validate-on-start=false",
      "fanshelf.auth.bcrypt-strength=4",
      "logging.level.root=WARN",
      "logging.file.name=target/test-data/fanshelf-layout-test.log"
    })
class ShelfLayoutIT {
  private static final Path DATA =
      Path.of("target", "test-data", "layout-" + UUID.randomUUID()).toAbsolutePath();
  private static final OwnerId MEI = OwnerId.of("shop-mei");

  // Per card: whether the title and the reason lie inside the card, and the title's height in lines
  private static final String CARD_FACTS =
      """
      return Array.from(document.querySelectorAll('.card')).map(card => {
        const box = card.getBoundingClientRect();
        const inside = el => { if (!el) return true; const r = el.getBoundingClientRect();
          return r.left >= box.left - 0.5 && r.right <= box.right + 0.5; };
        const title = card.querySelector('.title');
        const lines = title.getBoundingClientRect().height
          / parseFloat(getComputedStyle(title).lineHeight);
        return { product: card.querySelector('.card-link').dataset.product,
          titleInside: inside(title) && title.scrollWidth <= title.clientWidth,
          reasonInside: inside(card.querySelector('.reason')),
          titleLines: lines };
      });""";

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("fanshelf.data-dir", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired ShareLinkStore links;
  @Autowired ShelfService shelves;

  private ChromeDriver browser;
  private HeadlessChromium chromium;

  @BeforeEach
  void start() throws Exception {
    chromium =
        HeadlessChromium.start(
            options -> {
              options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
              options.addArguments("--hide-scrollbars", "--window-size=390,844");
            });
    browser = chromium.driver();
    // a phone: 390x844 CSS pixels whatever the window's frame takes
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
  }

  @AfterEach
  void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void theFanPageFitsAPhoneInChineseAndEnglish() throws Exception {
    ShareLink link = links.ensure(MEI, List.of(FanId.of("fan-0007")), Optional.empty()).getFirst();
    String page = "http://localhost:" + port + "/s/" + link.token();
    for (String lang : List.of("en", "zh-CN")) {
      open(page + "?lang=" + lang);
      int cards = shelves.shelf(link).size();
      assertFitsThePhone(lang, cards);
      Assertions.assertEquals(
          lang, browser.findElement(By.tagName("html")).getAttribute("lang"), "page language");
      chromium.screenshot("shelf-" + lang);
    }
    // "more like this" under the first card, in the page's language: the same cards
    browser.findElements(By.cssSelector(".more")).getFirst().click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("more-like-this")));
    waitForPictures();
    assertFitsThePhone("more like this", browser.findElements(By.cssSelector(".card")).size());
    Assertions.assertFalse(browser.findElements(By.cssSelector(".card")).isEmpty());
    Assertions.assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
    chromium.screenshot("shelf-more-like-this-zh-CN");
  }

  private void open(String url) {
    browser.get(url);
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card")));
    waitForPictures();
  }

  /** Scrolls the whole page (the pictures load lazily), then back up once all are in. */
  private void waitForPictures() {
    JavascriptExecutor js = browser;
    js.executeScript(
        "document.querySelectorAll('img').forEach(img => img.loading = 'eager');"
            + " window.scrollTo(0, document.body.scrollHeight);");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            driver ->
                (Boolean)
                    js.executeScript(
                        "return Array.from(document.images).every(img => img.complete);"));
    js.executeScript("window.scrollTo(0, 0);");
  }

  @SuppressWarnings("unchecked")
  private void assertFitsThePhone(String what, int expectedCards) {
    JavascriptExecutor js = browser;
    long width = (Long) js.executeScript("return window.innerWidth;");
    long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth;");
    Assertions.assertEquals(390, width, what + ": the phone's width");
    Assertions.assertTrue(
        scrollWidth <= width, what + ": no sideways scrolling, page is " + scrollWidth + " wide");
    List<String> broken =
        (List<String>)
            js.executeScript(
                "return Array.from(document.images)"
                    + ".filter(img => !(img.naturalWidth > 0)).map(img => img.src);");
    Assertions.assertEquals(List.of(), broken, what + ": pictures that did not load");
    long pictures =
        (Long) js.executeScript("return document.querySelectorAll('.card img').length;");
    Assertions.assertEquals(expectedCards, pictures, what + ": a picture on every card");
    List<Map<String, Object>> facts = (List<Map<String, Object>>) js.executeScript(CARD_FACTS);
    Assertions.assertEquals(expectedCards, facts.size(), what + ": cards");
    for (Map<String, Object> card : facts) {
      Assertions.assertEquals(true, card.get("titleInside"), what + ": title inside " + card);
      Assertions.assertEquals(true, card.get("reasonInside"), what + ": reason inside " + card);
      double lines = ((Number) card.get("titleLines")).doubleValue();
      Assertions.assertTrue(lines <= 3.05, what + ": at most three title lines " + card);
    }
  }
}
