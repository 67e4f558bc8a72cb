package io.fanshelf.api.console;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.HeadlessChromium;
import io.fanshelf.api.auth.AuthService;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The label suggestions page in headless Chromium, zh-CN and English, on a data directory and
 * application context of its own (not ItBase's) (the suggestions learn from the event log, which
 * the shared fixture keeps small): 小美's 90 fans, 60 labelled oily, dry or sensitive, who buy skin
 * care for their skin type, and 30 with the same behaviour and no skin type. Filter, select all,
 * accept; reject one; screenshots in docs/screenshots/.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fanshelf.demo=true",
      "fanshelf.demo-data=classpath:fixtures/beauty-home/",
      "fanshelf.demo-password=" + ApiTestBase.PASSWORD,
      "fanshelf.auth.bcrypt-strength=4",
      "fanshelf.models.validate-on-start=false",
      // The tests add their fans after start; a model fitted before would serve for 10 minutes.
      "fanshelf.suggestions.fit-on-start=false",
      "logging.level.root=WARN"
    })
class SuggestionsBrowserIT {
  private static final OwnerId SHOP = OwnerId.of("shop-xiaomei");
  private static final String DATA = "target/test-data/suggestions-it-" + UUID.randomUUID();
  private static final List<String> SKINS = List.of("oily", "dry", "sensitive");
  // Per skin type, what such a fan buys: the type's skin care, plus a tea or a lipstick.
  private static final List<List<String>> BUYS =
      List.of(
          List.of("bh-001", "bh-007", "bh-008", "bh-011"),
          List.of("bh-002", "bh-009", "bh-014", "bh-006"),
          List.of("bh-003", "bh-010", "bh-012", "bh-013"));
  private static boolean made;

  @DynamicPropertySource
  static void ownDataDir(DynamicPropertyRegistry registry) {
    registry.add("fanshelf.data-dir", () -> Path.of(DATA).toAbsolutePath().toString());
  }

  @LocalServerPort int port;
  @Autowired Indexer indexer;
  @Autowired AuthService auth;

  private WebDriver browser;
  private WebDriverWait wait;
  private HeadlessChromium chromium;

  @BeforeEach
  void start() throws Exception {
    makeTheShop();
    chromium = HeadlessChromium.start("--lang=zh-CN", "--window-size=1280,900");
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterEach
  void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  private void makeTheShop() throws Exception {
    synchronized (SuggestionsBrowserIT.class) {
      if (made) {
        return;
      }
      Instant t = Instant.parse("2026-03-01T00:00:00Z");
      List<Fan> fans = new ArrayList<>();
      List<Label> labels = new ArrayList<>();
      List<Event> events = new ArrayList<>();
      for (int i = 1; i <= 90; i++) {
        FanId fan = FanId.of("mei-" + i);
        int skin = i % 3;
        fans.add(new Fan(SHOP, fan, Optional.of("粉丝" + i), t));
        if (i <= 60) {
          labels.add(
              new Label(
                  SHOP,
                  fan,
                  "skin_type",
                  List.of(SKINS.get(skin)),
                  LabelSource.IMPORT,
                  1,
                  t,
                  "test"));
        }
        List<String> products = BUYS.get(skin);
        for (int e = 0; e < products.size(); e++) {
          events.add(Event.of(fan + "-" + e, fan.value(), products.get(e), EventType.PURCHASE, t));
        }
      }
      ShopImport.shop(
          indexer,
          new Owner(SHOP, "小美的美妆家居", Locale.SIMPLIFIED_CHINESE, Optional.empty()),
          fans,
          labels);
      indexer.appendEvents(events);
      auth.setPassword(SHOP, ApiTestBase.PASSWORD);
      made = true;
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private void signIn() {
    browser.get(base() + "/console/login");
    browser.findElement(By.id("owner")).sendKeys(SHOP.value());
    browser.findElement(By.id("password")).sendKeys(ApiTestBase.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fans")));
  }

  private List<String> keys() {
    return browser.findElements(By.cssSelector("#suggestions tbody tr")).stream()
        .map(r -> r.getAttribute("data-key"))
        .toList();
  }

  @Test
  void filterSelectAllAndAcceptInChineseThenRejectInEnglish() throws Exception {
    signIn();
    browser.get(base() + "/console/suggestions?lang=zh-CN");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("suggestions")));
    Assertions.assertTrue(
        browser.findElement(By.tagName("h1")).getText().startsWith("标签建议"),
        browser.findElement(By.tagName("h1")).getText());
    List<String> all = keys();
    // Every unlabelled fan gets a skin type; home style, which nobody labelled, comes from the
    // taxonomy's tag rules (bh-006 looks, bh-008 and bh-012 value).
    Assertions.assertEquals(
        30, all.stream().filter(k -> k.contains("|skin_type|")).count(), all.toString());
    // mei-61 buys what the fans labelled dry buy (61 % 3 == 1).
    Assertions.assertTrue(all.contains("mei-61|skin_type|dry"), all.toString());
    WebElement row =
        browser.findElement(By.cssSelector("#suggestions tr[data-key='mei-61|skin_type|dry']"));
    String why = row.findElement(By.cssSelector("td.why")).getText();
    Assertions.assertTrue(why.contains("件标有肤质的商品中有") && why.contains("干皮"), why);
    chromium.screenshot("console-suggestions");

    // Nothing above 100%: the filter empties the list and says so.
    WebElement min = browser.findElement(By.id("filter-min"));
    min.clear();
    min.sendKeys("100");
    browser.findElement(By.id("apply-filter")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-suggestions")));

    // Skin type only, from 60%: select all, accept.
    min = browser.findElement(By.id("filter-min"));
    min.clear();
    min.sendKeys("60");
    new Select(browser.findElement(By.id("filter-dimension"))).selectByValue("skin_type");
    browser.findElement(By.id("apply-filter")).click();
    wait.until(ExpectedConditions.urlContains("dimension=skin_type"));
    List<String> skin = keys();
    Assertions.assertFalse(skin.isEmpty());
    Assertions.assertTrue(skin.stream().allMatch(k -> k.contains("|skin_type|")), skin.toString());
    // Reject one first, in English; it must not come back.
    browser.get(base() + "/console/suggestions?dimension=skin_type&min=60&lang=en");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("suggestions")));
    String rejected = skin.getFirst();
    browser
        .findElement(By.cssSelector("#suggestions tr[data-key='" + rejected + "'] input.pick"))
        .click();
    browser.findElement(By.id("reject")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    Assertions.assertEquals(
        "1 suggestion rejected; it will not be suggested again.",
        browser.findElement(By.id("notice")).getText());
    Assertions.assertFalse(keys().contains(rejected));
    chromium.screenshot("console-suggestions-en");

    browser.get(base() + "/console/suggestions?dimension=skin_type&min=60&lang=zh-CN");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("suggestions")));
    List<String> toAccept = keys();
    browser.findElement(By.id("select-all")).click();
    browser.findElement(By.id("accept")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    Assertions.assertEquals(
        "已接受 " + toAccept.size() + " 条建议并保存为标签。", browser.findElement(By.id("notice")).getText());
    Assertions.assertTrue(keys().isEmpty());
    String[] accepted = toAccept.getFirst().split("\\|");
    FanProfile stored = indexer.store().fans().get(SHOP, FanId.of(accepted[0])).orElseThrow();
    Label label = stored.label("skin_type").orElseThrow();
    Assertions.assertEquals(List.of(accepted[2]), label.values());
    Assertions.assertEquals(LabelSource.SUGGESTED, label.source());
    Assertions.assertEquals("owner:" + SHOP, label.actor());
    String rejectedFan = rejected.split("\\|")[0];
    Assertions.assertTrue(
        indexer.store().fans().get(SHOP, FanId.of(rejectedFan)).orElseThrow().labels().isEmpty());
  }
}
