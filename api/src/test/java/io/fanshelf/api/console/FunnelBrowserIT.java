package io.fanshelf.api.console;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.HeadlessChromium;
import io.fanshelf.api.ItBase;
import io.fanshelf.api.auth.AuthService;
import io.fanshelf.api.event.EventsStored;
import io.fanshelf.api.owner.AttributedStats;
import io.fanshelf.api.owner.Segment;
import io.fanshelf.api.owner.SegmentStore;
import io.fanshelf.api.shelf.ShareLinkStore;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The funnel page in headless Chromium, zh-CN and English, for a shop of 400 fans with a month of
 * opens, clicks, carts and purchases (some carrying the owner, some only following a click on the
 * shelf): the charts are drawn by Chart.js (bars painted on the canvas, ticks on both axes), the
 * stage table says what the generated events say, a segment narrows it, the CSV has a row per fan,
 * the fan page shows the fan's part. Writes docs/screenshots/console-funnel*.png.
 */
class FunnelBrowserIT extends ItBase {
  static final OwnerId SHOP = OwnerId.of("shop-funnel");
  static final int FANS = 400;
  private static final List<Event> EVENTS = new ArrayList<>();
  private static final Set<FanId> OILY = new HashSet<>();
  private static boolean made;

  @Autowired Indexer indexer;
  @Autowired AuthService auth;
  @Autowired SegmentStore segments;
  @Autowired ShareLinkStore links;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired Clock clock;

  private WebDriver browser;
  private WebDriverWait wait;
  private HeadlessChromium chromium;

  @BeforeEach
  void start() throws Exception {
    makeTheShop();
    chromium = HeadlessChromium.start("--lang=zh-CN", "--window-size=1280,1800");
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
   * 花花的护肤店: fans fun-1 to fun-400, 30% labelled oily, share links for 300 of them, and a month of
   * visits. Each visit opens the shelf; 60% click a product; a third of those cart it and half of
   * the carts buy, the purchase carrying the owner or (every other one) only following the click.
   * The events reach the counts as stored events do, without entering the event log, so the other
   * tests' rankings stay as they are.
   */
  private void makeTheShop() throws Exception {
    synchronized (FunnelBrowserIT.class) {
      if (made) {
        return;
      }
      Owner owner = new Owner(SHOP, "花花的护肤店", Locale.SIMPLIFIED_CHINESE, Optional.empty());
      Random random = new Random(23);
      Instant now = clock.instant();
      List<Fan> fans = new ArrayList<>();
      List<Label> labels = new ArrayList<>();
      List<FanId> linked = new ArrayList<>();
      for (int i = 1; i <= FANS; i++) {
        FanId fan = FanId.of("fun-" + i);
        fans.add(new Fan(SHOP, fan, Optional.of("粉丝" + i), now.minus(Duration.ofDays(90))));
        if (random.nextDouble() < 0.3) {
          OILY.add(fan);
          labels.add(
              new Label(
                  SHOP,
                  fan,
                  "skin_type",
                  List.of("oily"),
                  LabelSource.IMPORT,
                  1.0,
                  now.minus(Duration.ofDays(60)),
                  "test"));
        }
        if (i <= 300) {
          linked.add(fan);
        }
        if (i <= 300 && random.nextDouble() < 0.5) {
          int visits = 1 + random.nextInt(4);
          for (int v = 0; v < visits; v++) {
            Instant at = now.minus(Duration.ofMinutes(10 + random.nextInt(28 * 24 * 60)));
            String visit = "fun-" + i + "-" + v;
            ProductId product = ProductId.of("bh-00" + (1 + random.nextInt(9)));
            EVENTS.add(
                event(
                    AttributedStats.SHELF_IMPRESSION_PREFIX + visit + "-0",
                    fan,
                    product,
                    EventType.IMPRESSION,
                    at,
                    true));
            if (random.nextDouble() < 0.6) {
              EVENTS.add(event("clk-" + visit, fan, product, EventType.CLICK, at, true));
              if (random.nextDouble() < 0.33) {
                EVENTS.add(event("cart-" + visit, fan, product, EventType.CART, at, false));
                if (random.nextBoolean()) {
                  EVENTS.add(
                      event("buy-" + visit, fan, product, EventType.PURCHASE, at, v % 2 == 0));
                }
              }
            }
          }
        }
      }
      ShopImport.shop(indexer, owner, fans, labels);
      auth.setPassword(SHOP, ApiTestBase.PASSWORD);
      links.ensure(SHOP, linked, Optional.empty());
      segments.put(
          new Segment(
              "seg_funnel_oily", SHOP, "油皮粉丝", Map.of("skin_type", Set.of("oily")), Set.of(), now));
      publisher.publishEvent(new EventsStored(EVENTS));
      made = true;
    }
  }

  /** An event of a visit: the open at its time, later steps a few minutes after. */
  private static Event event(
      String id, FanId fan, ProductId product, EventType type, Instant visit, boolean owned) {
    return new Event(
        EventId.of(id),
        fan,
        product,
        type,
        visit.plusSeconds(60L * type.ordinal()),
        owned ? Optional.of(SHOP) : Optional.empty(),
        Optional.empty(),
        Optional.of("test"),
        OptionalDouble.empty());
  }

  /** Distinct fans (among {@code which}) with at least one event of this type. */
  private static long fans(EventType type, Predicate<FanId> which) {
    return EVENTS.stream()
        .filter(e -> e.type() == type && which.test(e.fan()))
        .map(Event::fan)
        .distinct()
        .count();
  }

  private void signIn() {
    browser.get(base() + "/console/login");
    browser.findElement(By.id("owner")).sendKeys(SHOP.value());
    browser.findElement(By.id("password")).sendKeys(ApiTestBase.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fans")));
  }

  private void open(String path) {
    browser.get(base() + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
  }

  private String fansAt(String stage) {
    return browser
        .findElement(By.cssSelector("#funnel-stages tr[data-stage='" + stage + "'] td.fans"))
        .getText();
  }

  /**
   * What Chart.js made of a canvas: whether a chart is attached, its first series, the ticks of
   * each axis and how many pixels carry the first series' colour (the bars actually painted).
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> drawn(String canvas) {
    return (Map<String, Object>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const c = document.getElementById(arguments[0]);"
                    + "const chart = window.Chart && Chart.getChart(c);"
                    + "if (!chart) { return {attached: false}; }"
                    + "const color = chart.data.datasets[0].backgroundColor;"
                    + "const r = parseInt(color.slice(1, 3), 16), g = parseInt(color.slice(3, 5), 16),"
                    + "  b = parseInt(color.slice(5, 7), 16);"
                    + "const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "let painted = 0;"
                    + "for (let i = 0; i < px.length; i += 4) {"
                    + "  if (Math.abs(px[i] - r) < 4 && Math.abs(px[i + 1] - g) < 4"
                    + "      && Math.abs(px[i + 2] - b) < 4 && px[i + 3] > 200) { painted++; }"
                    + "}"
                    + "return {attached: true, values: chart.data.datasets[0].data.map(Number),"
                    + "  xTicks: chart.scales.x.ticks.length, yTicks: chart.scales.y.ticks.length,"
                    + "  painted: painted};",
                canvas);
  }

  private static void assertDrawn(Map<String, Object> chart, String name) {
    Assertions.assertEquals(true, chart.get("attached"), name + ": no chart on the canvas");
    Assertions.assertTrue(((Number) chart.get("xTicks")).intValue() >= 2, name + ": " + chart);
    Assertions.assertTrue(((Number) chart.get("yTicks")).intValue() >= 2, name + ": " + chart);
    Assertions.assertTrue(((Number) chart.get("painted")).intValue() > 200, name + ": " + chart);
  }

  @Test
  void theFunnelIsDrawnAndSaysWhatTheEventsSay() throws Exception {
    signIn();
    open("/console/funnel");
    Predicate<FanId> all = f -> true;
    Assertions.assertEquals("300", fansAt("SHARED"));
    Assertions.assertEquals(
        Long.toString(fans(EventType.IMPRESSION, all)), fansAt("OPENED").replace(",", ""));
    Assertions.assertEquals(Long.toString(fans(EventType.CLICK, all)), fansAt("CLICKED"));
    Assertions.assertEquals(Long.toString(fans(EventType.CART, all)), fansAt("CARTED"));
    Assertions.assertEquals(Long.toString(fans(EventType.PURCHASE, all)), fansAt("BOUGHT"));
    Map<String, Object> stages = drawn("chart-funnel");
    assertDrawn(stages, "stages");
    Assertions.assertEquals(
        List.of(
            300L,
            fans(EventType.IMPRESSION, all),
            fans(EventType.CLICK, all),
            fans(EventType.CART, all),
            fans(EventType.PURCHASE, all)),
        ((List<?>) stages.get("values")).stream().map(v -> ((Number) v).longValue()).toList());
    assertDrawn(drawn("chart-funnel-days"), "days");
    assertDrawn(drawn("chart-funnel-money"), "money");
    Assertions.assertTrue(
        browser.findElement(By.id("funnel-money")).getText().contains("带来的销售额 ¥"),
        browser.findElement(By.id("funnel-money")).getText());
    chromium.screenshot("console-funnel");

    // The segment: only its fans.
    new Select(browser.findElement(By.id("funnel-segment"))).selectByValue("seg_funnel_oily");
    browser.findElement(By.id("funnel-show")).click();
    wait.until(ExpectedConditions.urlContains("segment=seg_funnel_oily"));
    Assertions.assertTrue(browser.findElement(By.tagName("h1")).getText().contains("油皮粉丝"));
    Assertions.assertEquals(
        Long.toString(fans(EventType.IMPRESSION, OILY::contains)), fansAt("OPENED"));
    Assertions.assertEquals(
        Long.toString(fans(EventType.PURCHASE, OILY::contains)), fansAt("BOUGHT"));
    assertDrawn(drawn("chart-funnel"), "segment stages");

    // The CSV: a header and one row per fan with activity in the period.
    String csv =
        (String)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('funnel-csv').href)"
                        + ".then(r => r.text()).then(done);");
    List<String> lines = csv.strip().lines().toList();
    Assertions.assertEquals(
        "fan_id,opens,clicks,carts,purchases,revenue,commission,from,to", lines.getFirst());
    Assertions.assertEquals(fans(EventType.IMPRESSION, OILY::contains), lines.size() - 1);

    // The fan page: the fan's part, all time.
    String top =
        browser.findElement(By.cssSelector("#funnel-fans tr[data-fan]")).getAttribute("data-fan");
    open("/console/fans/" + top);
    long bought =
        EVENTS.stream()
            .filter(e -> e.type() == EventType.PURCHASE && e.fan().value().equals(top))
            .count();
    String line = browser.findElement(By.id("fan-funnel")).getText();
    Assertions.assertTrue(line.startsWith("最近打开 20"), line);
    Assertions.assertTrue(line.contains("购买 " + bought + " ·"), line);
  }

  @Test
  void theFunnelSpeaksEnglishAndTheStatisticsUseTheSameCharts() throws Exception {
    signIn();
    open("/console/funnel?lang=en");
    Assertions.assertEquals(
        "Shelf funnel: from shared link to purchase",
        browser.findElement(By.tagName("h1")).getText());
    Assertions.assertTrue(
        browser.findElement(By.id("funnel-stages")).getText().contains("Opened the shelf"));
    assertDrawn(drawn("chart-funnel"), "stages");
    chromium.screenshot("console-funnel-en");
    open("/console/stats");
    assertDrawn(drawn("chart-views"), "page views");
    assertDrawn(drawn("chart-clicks"), "clicks");
    Assertions.assertTrue(browser.getPageSource().contains("Shelf page views per day"));
  }
}
