package io.fanshelf.api.console;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.HeadlessChromium;
import io.fanshelf.api.ItBase;
import io.fanshelf.api.auth.AuthService;
import io.fanshelf.api.event.EventsStored;
import io.fanshelf.api.owner.AttributedStats;
import io.fanshelf.api.owner.StatsService;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The owner console in headless Chromium, in zh-CN and in English, for a shop of 1,200 fans with a
 * month of activity: search, sort, page jump, tagging every fan a filter selects after the
 * confirmation, the fan page's preselected values and drawn lock, copy buttons, QR codes drawn on
 * demand, a segment's links as text, revoking after a confirmation, the import template, the
 * charts, the error page's way back. Writes the screenshots in docs/screenshots/ (committed, so the
 * docs show the console as it is). Needs Debian's chromium and chromium-driver, like
 * ShelfBrowserIT.
 */
class ConsoleBrowserIT extends ItBase {
  static final OwnerId SHOP = OwnerId.of("shop-xiaomei");
  static final int FANS = 1_200;
  private static boolean made;

  @Autowired Indexer indexer;
  @Autowired AuthService auth;
  @Autowired StatsService stats;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired Clock clock;

  private WebDriver browser;
  private WebDriverWait wait;
  private HeadlessChromium chromium;

  @BeforeEach
  void start() throws Exception {
    makeTheShop();
    chromium = HeadlessChromium.start("--lang=zh-CN", "--window-size=1280,900");
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  /**
   * 小美的美妆家居: fans mei-1 to mei-1200 with Chinese nicknames and labels, and a month of shelf views,
   * clicks and purchases. The activity reaches the owner's statistics the way stored attributed
   * events do, without entering the event log, so the other tests' rankings stay as they are.
   */
  private void makeTheShop() throws Exception {
    synchronized (ConsoleBrowserIT.class) {
      if (made) {
        return;
      }
      Owner owner = new Owner(SHOP, "小美的美妆家居", Locale.SIMPLIFIED_CHINESE, Optional.empty());
      Random random = new Random(17);
      String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙"};
      String[] names = {"小美", "婷婷", "晓雯", "佳怡", "思琪", "丽娟", "雨萱", "欣然", "静", "敏", "芳", "梓涵"};
      String[] remarks = {"", "", "", " 同事", " 老客户", " 宝妈", " 大学同学", " 邻居"};
      String[] skins = {"dry", "combination", "oily", "sensitive"};
      String[] prices = {"high", "medium", "low"};
      Instant now = clock.instant();
      List<Fan> fans = new ArrayList<>();
      List<Label> labels = new ArrayList<>();
      List<Event> events = new ArrayList<>();
      for (int i = 1; i <= FANS; i++) {
        FanId fan = FanId.of("mei-" + i);
        String nickname =
            surnames[random.nextInt(surnames.length)]
                + names[random.nextInt(names.length)]
                + remarks[random.nextInt(remarks.length)];
        fans.add(new Fan(SHOP, fan, Optional.of(nickname), now.minus(Duration.ofDays(60))));
        if (random.nextDouble() < 0.7) {
          labels.add(label(fan, "skin_type", List.of(skins[random.nextInt(4)]), now));
        }
        if (random.nextDouble() < 0.4) {
          labels.add(
              label(
                  fan,
                  "home_style",
                  random.nextBoolean() ? List.of("looks") : List.of("value", "looks"),
                  now));
        }
        if (random.nextDouble() < 0.5) {
          labels.add(label(fan, "price_sensitivity", List.of(prices[random.nextInt(3)]), now));
        }
        if (random.nextDouble() < 0.35) {
          int visits = 1 + random.nextInt(6);
          for (int v = 0; v < visits; v++) {
            Instant at = now.minus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
            String visit = "mei-" + i + "-" + v;
            events.add(
                event(
                    AttributedStats.SHELF_IMPRESSION_PREFIX + visit + "-0",
                    fan,
                    EventType.IMPRESSION,
                    at));
            if (random.nextDouble() < 0.6) {
              events.add(event("click-" + visit, fan, EventType.CLICK, at.plusSeconds(20)));
              if (random.nextDouble() < 0.35) {
                events.add(event("buy-" + visit, fan, EventType.PURCHASE, at.plusSeconds(300)));
              }
            }
          }
        }
      }
      ShopImport.shop(indexer, owner, fans, labels);
      auth.setPassword(SHOP, ApiTestBase.PASSWORD);
      publisher.publishEvent(new EventsStored(events));
      made = true;
    }
  }

  private static Label label(FanId fan, String dimension, List<String> values, Instant at) {
    return new Label(SHOP, fan, dimension, values, LabelSource.IMPORT, 1.0, at, "test");
  }

  private static Event event(String id, FanId fan, EventType type, Instant at) {
    return new Event(
        EventId.of(id),
        fan,
        ProductId.of("bh-00" + (1 + Math.floorMod(id.hashCode(), 9))),
        type,
        at,
        Optional.of(SHOP),
        Optional.empty(),
        Optional.of("test"),
        OptionalDouble.empty());
  }

  private void signIn() {
    browser.get(base() + "/console/login");
    browser.findElement(By.id("owner")).sendKeys(SHOP.value());
    browser.findElement(By.id("password")).sendKeys(ApiTestBase.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fans")));
  }

  private List<String> rows() {
    return browser.findElements(By.cssSelector("#fans tbody tr")).stream()
        .map(r -> r.getAttribute("data-fan"))
        .toList();
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private void open(String path) {
    browser.get(base() + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
  }

  @Test
  void theFanListSearchesSortsAndPagesInChinese() throws Exception {
    signIn();
    Assertions.assertTrue(text("page-of").contains("第 1 / 24 页"), text("page-of"));
    Assertions.assertEquals(List.of("mei-1", "mei-2", "mei-3"), rows().subList(0, 3));
    chromium.screenshot("console-fans");

    // By purchases: the first row bought the most.
    browser.findElement(By.id("sort-purchases")).click();
    wait.until(ExpectedConditions.urlContains("sort=purchases"));
    long most =
        stats.activity(SHOP).values().stream()
            .mapToLong(a -> a.counts().purchases())
            .max()
            .orElseThrow();
    String first = rows().getFirst();
    Assertions.assertEquals(most, stats.fan(SHOP, FanId.of(first)).purchases());
    WebElement firstRow = browser.findElement(By.cssSelector("#fans tbody tr"));
    Assertions.assertFalse(
        firstRow.findElements(By.cssSelector("td.time")).getFirst().getText().isBlank());

    // Jump to page 3 keeps the order.
    WebElement jump = browser.findElement(By.id("jump-page"));
    jump.clear();
    jump.sendKeys("3");
    browser.findElement(By.id("jump-go")).click();
    wait.until(ExpectedConditions.urlContains("page=3"));
    Assertions.assertTrue(browser.getCurrentUrl().contains("sort=purchases"));
    Assertions.assertTrue(text("page-of").startsWith("第 3 /"), text("page-of"));

    // Search by nickname within a filter.
    open("/console/fans");
    browser.findElement(By.id("search")).sendKeys("宝妈");
    new Select(browser.findElement(By.id("filter-skin_type"))).selectByValue("oily");
    browser.findElement(By.id("apply-filter")).click();
    wait.until(ExpectedConditions.urlContains("f.skin_type=oily"));
    List<WebElement> found = browser.findElements(By.cssSelector("#fans tbody tr"));
    Assertions.assertFalse(found.isEmpty());
    for (WebElement row : found) {
      Assertions.assertTrue(row.getText().contains("宝妈"), row.getText());
      Assertions.assertTrue(row.getText().contains("油皮"), row.getText());
    }
    chromium.screenshot("console-fans-search");
  }

  @Test
  void taggingEveryFanAFilterSelectsAsksFirstWithTheCount() throws Exception {
    signIn();
    open("/console/fans?f.skin_type=sensitive");
    long sensitive = count(Map.of("skin_type", Set.of("sensitive")));
    Assertions.assertTrue(sensitive > ConsoleFansController.PAGE_SIZE, "more than one page");
    new Select(browser.findElement(By.id("bulk-scope"))).selectByValue("all");
    new Select(browser.findElement(By.id("bulk-dimension"))).selectByValue("price_sensitivity");
    new Select(browser.findElement(By.id("bulk-value"))).selectByValue("low");
    browser.findElement(By.id("bulk-apply")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
    Assertions.assertTrue(
        text("confirm-question").contains(Long.toString(sensitive)), text("confirm-question"));
    chromium.screenshot("console-confirm");
    // Cancel leads back to the filtered list and changes nothing.
    browser.findElement(By.id("confirm-cancel")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fans")));
    Assertions.assertTrue(browser.getCurrentUrl().contains("f.skin_type=sensitive"));
    long before =
        count(Map.of("skin_type", Set.of("sensitive"), "price_sensitivity", Set.of("low")));
    Assertions.assertTrue(before < sensitive);
    new Select(browser.findElement(By.id("bulk-scope"))).selectByValue("all");
    new Select(browser.findElement(By.id("bulk-dimension"))).selectByValue("price_sensitivity");
    new Select(browser.findElement(By.id("bulk-value"))).selectByValue("low");
    browser.findElement(By.id("bulk-apply")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-yes"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    Assertions.assertEquals(
        sensitive,
        count(Map.of("skin_type", Set.of("sensitive"), "price_sensitivity", Set.of("low"))));
  }

  private long count(Map<String, Set<String>> labels) throws Exception {
    return indexer
        .store()
        .fans()
        .find(new FanQuery(SHOP, labels, Set.of(), Optional.empty(), 1))
        .total();
  }

  @Test
  void theFanPageShowsCurrentValuesAndALockThatNeedsNoEmojiFont() throws Exception {
    signIn();
    FanId fan = labelled("price_sensitivity");
    var profile = indexer.store().fans().get(SHOP, fan).orElseThrow();
    open("/console/fans/" + fan.value());
    for (var label : profile.labels().values()) {
      Select select = new Select(browser.findElement(By.id("value-" + label.dimension())));
      Assertions.assertEquals(
          label.values(),
          select.getAllSelectedOptions().stream().map(o -> o.getAttribute("value")).toList(),
          label.dimension());
    }
    WebElement lock =
        browser.findElement(By.cssSelector("tr[data-dimension='price_sensitivity'] svg.lock"));
    Assertions.assertTrue(lock.getSize().getWidth() >= 10, "the lock is drawn");
    Assertions.assertFalse(browser.getPageSource().contains("\uD83D\uDD12"), "no emoji");
    browser.findElement(By.id("make-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("links")));
    chromium.screenshot("console-fan-links");
  }

  private FanId labelled(String dimension) throws Exception {
    return indexer
        .store()
        .fans()
        .find(
            new FanQuery(
                SHOP,
                Map.of(dimension, Set.of("high", "medium", "low"), "home_style", Set.of("looks")),
                Set.of(),
                Optional.empty(),
                1))
        .fans()
        .getFirst()
        .fan()
        .id();
  }

  @Test
  void aSegmentsLinksCopyAsTextAndDrawTheirQrCodesOnlyWhenOpened() throws Exception {
    signIn();
    open("/console/segments");
    browser.findElement(By.cssSelector("form.filters input[name=name]")).sendKeys("干皮的姐妹");
    new Select(browser.findElement(By.cssSelector("form.filters select[name='f.skin_type']")))
        .selectByValue("dry");
    browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
    // the new segment's row: the segments table is on the page the form is sent from as well, so
    // waiting for the table alone could read that page before the answer replaced it
    WebElement row =
        wait.until(
            d -> {
              try {
                return d.findElements(By.cssSelector("#segments tr")).stream()
                    .filter(r -> r.getText().contains("干皮的姐妹"))
                    .findFirst()
                    .orElse(null);
              } catch (StaleElementReferenceException replacedMeanwhile) {
                return null;
              }
            });
    row.findElement(By.cssSelector("form[action$='/links'] button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("all-text")));
    long dry = count(Map.of("skin_type", Set.of("dry")));
    String all = browser.findElement(By.id("all-links-text")).getAttribute("value");
    Assertions.assertEquals(dry, all.lines().count(), "one line per fan");
    Assertions.assertTrue(all.lines().allMatch(l -> l.contains("/s/")), all);
    Assertions.assertTrue(text("page-of").contains("/"), "paginated");
    Assertions.assertEquals(
        ConsoleLinksController.PAGE_SIZE, browser.findElements(By.cssSelector("#links li")).size());

    // No QR code is fetched until one is opened.
    Assertions.assertEquals(0L, qrRequests());
    WebElement firstLink = browser.findElement(By.cssSelector("#links li"));
    firstLink.findElement(By.cssSelector("details.qr summary")).click();
    WebElement qr = firstLink.findElement(By.cssSelector("details.qr img"));
    wait.until(d -> ((Number) js("return arguments[0].naturalWidth", qr)).intValue() > 0);
    Assertions.assertEquals(1L, qrRequests());

    // The copy buttons: the script shows them, and a click says it copied.
    WebElement copy = firstLink.findElement(By.cssSelector("button.copy"));
    Assertions.assertTrue(copy.isDisplayed());
    copy.click();
    wait.until(ExpectedConditions.textToBePresentInElement(copy, "已复制"));
    Assertions.assertTrue(browser.findElement(By.id("copy-all")).isDisplayed());
    chromium.screenshot("console-links");

    // Revoking one asks first; cancel keeps it.
    String fan = firstLink.getAttribute("data-fan");
    firstLink.findElement(By.cssSelector("form[action$='/revoke'] button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
    Assertions.assertTrue(text("confirm-question").contains(fan));
    browser.findElement(By.id("confirm-cancel")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("links")));
    Assertions.assertEquals(
        1, browser.findElements(By.cssSelector("#links li[data-fan='" + fan + "']")).size());
    browser
        .findElement(
            By.cssSelector("#links li[data-fan='" + fan + "'] form[action$='/revoke'] button"))
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-yes"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("links")));
    open("/console/links?q=" + fan);
    Assertions.assertTrue(
        browser.findElements(By.cssSelector("#links li[data-fan='" + fan + "']")).isEmpty());
  }

  private long qrRequests() {
    return ((Number)
            js(
                "return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/qr.svg')).length"))
        .longValue();
  }

  private Object js(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  @Test
  void theImportPageHasATemplateAndSaysErrorsInThePageLanguage() throws Exception {
    signIn();
    open("/console/import");
    Object header =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[0];"
                    + "fetch('/console/import/template.csv').then(r => r.text())"
                    + ".then(t => done(t.split('\\r\\n')[0]));");
    // fetch's text() drops the byte order mark; ConsoleControllerTest checks it is there.
    Assertions.assertEquals("fan_id,skin_type,home_style,price_sensitivity", header);
    Assertions.assertTrue(text("example").contains("干皮"), text("example"));
    chromium.screenshot("console-import");
    Path sheet = Files.createTempFile("labels-", ".csv");
    Files.writeString(sheet, "fan_id,skin_type\nmei-1,olly\n");
    browser.findElement(By.id("file")).sendKeys(sheet.toString());
    browser.findElement(By.id("preview")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-errors")));
    Assertions.assertTrue(text("result").contains("肤质没有“olly”这个值"), text("result"));
    Files.delete(sheet);
  }

  @Test
  void theChartsHaveAxesAndValuesAndTheErrorPageLeadsBack() throws Exception {
    signIn();
    open("/console/stats");
    // Chart.js drew it: a chart on the canvas with ticks on both axes and a value per day.
    List<?> drawn =
        (List<?>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "const chart = Chart.getChart(document.getElementById('chart-views'));"
                        + "return [chart.scales.x.ticks.length, chart.scales.y.ticks.length,"
                        + " chart.data.datasets[0].data.length];");
    Assertions.assertTrue(((Number) drawn.get(0)).intValue() >= 2, "day ticks " + drawn);
    Assertions.assertTrue(((Number) drawn.get(1)).intValue() >= 2, "value ticks " + drawn);
    Assertions.assertEquals(30, ((Number) drawn.get(2)).intValue(), "values " + drawn);
    chromium.screenshot("console-stats");
    open("/console/fans/no-such-fan");
    browser.findElement(By.id("back")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fans")));
  }

  @Test
  void theConsoleSpeaksEnglish() throws Exception {
    signIn();
    open("/console/fans?lang=en&sort=active");
    Assertions.assertTrue(text("page-of").startsWith("Page 1 of 24"), text("page-of"));
    Assertions.assertTrue(
        browser.findElement(By.tagName("h1")).getText().contains("Your fans (1,200)"));
    Assertions.assertEquals(
        "Last active", browser.findElement(By.id("sort-active")).getText().strip());
    chromium.screenshot("console-fans-en");
    open("/console/stats");
    Assertions.assertTrue(browser.getPageSource().contains("Shelf page views per day"));
    open("/console/fans/mei-1");
    browser.findElement(By.id("make-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("links")));
    WebElement copy = browser.findElement(By.cssSelector("#links li button.copy"));
    copy.click();
    wait.until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
    chromium.screenshot("console-links-en");
  }
}
