package io.fanshelf.api.console;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.HeadlessChromium;
import io.fanshelf.api.ItBase;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.OwnerId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Who to message today" in headless Chromium, in zh-CN and English: shop-lily's list with two fans
 * of this test who buy a laundry liquid every four weeks and are due again, the copy button,
 * marking a message sent, opting a fan out and back in, and an owner's own template. Writes
 * docs/screenshots/console-outreach-zh-CN.png and -en.png. Needs Debian's chromium and
 * chromium-driver, like ConsoleBrowserIT.
 */
class OutreachBrowserIT extends ItBase {
  private static final OwnerId LILY = OwnerId.of("shop-lily");
  private static final String DUE = "fan-9161";
  private static final String OTHER = "fan-9162";

  @Autowired Indexer indexer;
  @Autowired Clock clock;

  private WebDriver browser;
  private WebDriverWait wait;
  private HeadlessChromium chromium;

  @BeforeEach
  void start() throws Exception {
    dueFans();
    chromium = HeadlessChromium.start("--lang=zh-CN", "--window-size=1280,1000");
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** Two fans of shop-lily who bought the laundry liquid every four weeks, last 29 days ago. */
  private void dueFans() throws Exception {
    Instant now = clock.instant();
    List<Label> labels = new ArrayList<>();
    List<Event> purchases = new ArrayList<>();
    for (String fan : List.of(DUE, OTHER)) {
      labels.add(
          new Label(
              LILY, FanId.of(fan), "skin_type", List.of("dry"), LabelSource.OWNER, 1, now, "it"));
      for (int ago : new int[] {113, 85, 57, 29}) {
        purchases.add(
            Event.of(
                "outreach-it-" + fan + "-" + ago,
                fan,
                "bh-021",
                EventType.PURCHASE,
                now.minus(Duration.ofDays(ago))));
      }
    }
    indexer.changeLabels(labels, List.of());
    indexer.appendEvents(purchases);
    Path fans = Files.createTempFile("outreach-it-fans-", ".csv");
    Files.writeString(
        fans,
        "owner_id,fan_id,groups\nshop-lily," + DUE + ",护肤群;VIP 群\nshop-lily," + OTHER + ",护肤群\n");
    indexer.importFiles(ImportRequest.none().withFans(fans), ImportListener.NONE);
    Files.delete(fans);
  }

  @Test
  void theOwnerCopiesAMessageMarksItSentAndOptsAFanOut() throws Exception {
    signIn();
    open("/console/outreach");
    Assertions.assertTrue(text("main").contains("今日可联系"), text("main"));
    WebElement row = row(DUE);
    Assertions.assertTrue(row.getText().contains("该回购了"), row.getText());
    Assertions.assertTrue(row.getText().contains("买过 4 次，约每 28 天一次"), row.getText());
    String message = row.findElement(By.cssSelector("textarea.message")).getAttribute("value");
    Assertions.assertTrue(message.contains("「大容量洗衣液 3kg」"), message);
    Assertions.assertTrue(message.contains("/go/bh-021"), message);
    Assertions.assertTrue(text("outreach-summary").startsWith("共看了"), text("outreach-summary"));
    chromium.screenshot("console-outreach-zh-CN");

    // The group both due fans are in comes first, with a post that links the product, not a shelf.
    WebElement group = groupRow("护肤群");
    Assertions.assertTrue(group.getText().contains("名单中 2 位粉丝"), group.getText());
    String post = group.findElement(By.cssSelector("textarea.message")).getAttribute("value");
    Assertions.assertTrue(post.startsWith("今日推荐：大容量洗衣液 3kg"), post);
    Assertions.assertTrue(post.endsWith("/buy/bh-021?ref=shop-lily"), post);
    Assertions.assertTrue(groupRow("VIP 群").getText().contains("名单中 1 位粉丝"));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView()", browser.findElement(By.id("outreach-groups")));
    chromium.screenshot("console-outreach-groups-zh-CN");
    group.findElement(By.cssSelector("button.copy")).click();
    wait.until(
        d -> groupRow("护肤群").findElement(By.cssSelector("button.copy")).getText().equals("已复制"));

    // The copy button says it copied.
    WebElement copy = row.findElement(By.cssSelector("button.copy"));
    copy.click();
    wait.until(d -> row(DUE).findElement(By.cssSelector("button.copy")).getText().equals("已复制"));

    // Marking sent keeps the fan on today's list, marked.
    row(DUE).findElement(By.cssSelector("button.mark-sent")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("marked")));
    Assertions.assertTrue(row(DUE).getAttribute("class").contains("sent"));
    Assertions.assertTrue(row(DUE).getText().contains("已发"), row(DUE).getText());
    Assertions.assertTrue(row(DUE).findElements(By.cssSelector("button.mark-sent")).isEmpty());

    // Opting out takes the other fan off the list until it is listed again.
    row(OTHER).findElement(By.cssSelector("button.opt-out")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("opted-out")));
    Assertions.assertTrue(browser.findElements(By.id("fan-" + OTHER)).isEmpty());
    Assertions.assertTrue(text("opted-out").contains(OTHER), text("opted-out"));
    browser.findElement(By.cssSelector("#opted-out button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fan-" + OTHER)));
  }

  @Test
  void inEnglishWithTheOwnersOwnTemplate() throws Exception {
    signIn();
    open("/console/outreach?lang=en");
    Assertions.assertTrue(text("main").contains("Who to message today"), text("main"));
    Assertions.assertTrue(row(DUE).getText().contains("Due to buy again"), row(DUE).getText());
    Assertions.assertTrue(text("outreach-groups").contains("Groups to post in"));
    Assertions.assertTrue(groupRow("护肤群").getText().contains("2 listed fans"));
    browser.findElement(By.cssSelector("#templates summary")).click();
    WebElement template =
        browser.findElement(By.cssSelector("textarea[name='t.repurchase_due.en']"));
    template.clear();
    template.sendKeys("Dear {name}, your {product} is due: {link}");
    browser.findElement(By.id("save-templates")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("templates-saved")));
    String message = row(DUE).findElement(By.cssSelector("textarea.message")).getAttribute("value");
    Assertions.assertTrue(message.startsWith("Dear there, your 大容量洗衣液 3kg is due: http"), message);
    open("/console/outreach");
    Assertions.assertTrue(text("main").contains("Who to message today"), text("main"));
    chromium.screenshot("console-outreach-en");
    // Back to the built-in text, for the other test.
    open("/console/outreach?lang=en");
    browser.findElement(By.cssSelector("#templates summary")).click();
    browser.findElement(By.cssSelector("textarea[name='t.repurchase_due.en']")).clear();
    browser.findElement(By.id("save-templates")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("templates-saved")));
  }

  private WebElement groupRow(String name) {
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#outreach-groups li[data-group='" + name + "']")));
  }

  private WebElement row(String fan) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fan-" + fan)));
  }

  private void signIn() {
    browser.get(base() + "/console/login");
    browser.findElement(By.id("owner")).sendKeys(LILY.value());
    browser.findElement(By.id("password")).sendKeys(ApiTestBase.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fans")));
  }

  private String text(String id) {
    return id.equals("main")
        ? browser.findElement(By.tagName("main")).getText()
        : browser.findElement(By.id(id)).getText();
  }

  private void open(String path) {
    browser.get(base() + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
  }
}
