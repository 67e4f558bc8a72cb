package io.fanshelf.api.shelf;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.HeadlessChromium;
import io.fanshelf.api.ItBase;
import io.fanshelf.api.auth.AuthFilter;
import io.fanshelf.api.owner.StatsService;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The owner console and the shelf in headless Chromium: sign in, filter, bulk-tag, create a link,
 * open the shelf, click an item, see the click counted. Needs Debian's chromium and
 * chromium-driver; skipped (with the reason) only when /usr/bin/chromium is missing outside CI, and
 * failed when it is missing in CI.
 */
class ShelfBrowserIT extends ItBase {

  @Autowired StatsService stats;
  @Autowired ShelfService shelves;

  private WebDriver browser;
  private HeadlessChromium chromium;

  @BeforeEach
  void start() throws Exception {
    chromium = HeadlessChromium.start("--lang=zh-CN", "--window-size=1280,1000");
    browser = chromium.driver();
  }

  @AfterEach
  void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void signInFilterBulkTagShareOpenAndClick() throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get(base() + "/console/fans");
    wait.until(ExpectedConditions.urlContains("/console/login"));
    browser.findElement(By.id("owner")).sendKeys("shop-lily");
    browser.findElement(By.id("password")).sendKeys(ApiTestBase.PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fans")));

    // Filter: Lily's oily-skin fans (fan-0001 and fan-0005).
    new Select(browser.findElement(By.id("filter-skin_type"))).selectByValue("oily");
    browser.findElement(By.id("apply-filter")).click();
    wait.until(ExpectedConditions.urlContains("f.skin_type=oily"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#fans tbody tr"));
    Assertions.assertEquals(
        List.of("fan-0001", "fan-0005"),
        rows.stream().map(r -> r.getAttribute("data-fan")).toList());

    // Bulk-tag the page: select all, home style 颜值.
    browser.findElement(By.id("select-all")).click();
    new Select(browser.findElement(By.id("bulk-dimension"))).selectByValue("home_style");
    new Select(browser.findElement(By.id("bulk-value"))).selectByValue("looks");
    browser.findElement(By.id("bulk-apply")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    Assertions.assertTrue(browser.getCurrentUrl().contains("f.skin_type=oily"), "still filtered");
    String table = browser.findElement(By.id("fans")).getText();
    chromium.screenshotInTarget("console-fans");
    Assertions.assertEquals(2, table.split("颜值", -1).length - 1, table);

    // A share link for fan-0005, from the fan's page.
    browser.get(base() + "/console/fans/fan-0005");
    browser.findElement(By.id("make-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("links")));
    WebElement card = browser.findElement(By.cssSelector("#links li[data-fan='fan-0005']"));
    Assertions.assertTrue(
        card.findElement(By.tagName("img")).getAttribute("src").endsWith("/qr.svg"));
    String shelfUrl = card.findElement(By.className("shelf-url")).getAttribute("href");

    // The fan opens the shelf and clicks the first product: on the fan's phone, without the owner's
    // console session (which would make it the owner's preview, counted for nobody).
    long clicksBefore = stats.fan(OwnerId.of("shop-lily"), FanId.of("fan-0005")).clicks();
    Cookie ownersSession = browser.manage().getCookieNamed(AuthFilter.SESSION_COOKIE);
    browser.manage().deleteAllCookies();
    browser.get(shelfUrl);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card-link")));
    Assertions.assertTrue(browser.getPageSource().contains("noindex"));
    Assertions.assertTrue(
        browser.findElement(By.className("shop-name")).getText().contains("莉莉美妆小铺"));
    chromium.screenshotInTarget("shelf");
    browser.findElements(By.cssSelector(".card-link")).getFirst().click();
    wait.until(ExpectedConditions.urlContains("/buy/"));
    Assertions.assertTrue(
        browser.getCurrentUrl().contains("ref=shop-lily"), browser.getCurrentUrl());
    // The product page names the product and leads back to the shelf.
    Assertions.assertFalse(browser.findElement(By.className("product-title")).getText().isBlank());
    chromium.screenshotInTarget("product");
    browser.findElement(By.id("back")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card-link")));
    Assertions.assertEquals(shelfUrl, browser.getCurrentUrl());
    shelves.flush();

    // The owner sees the click counted, and two views: the first and the one back from the product.
    browser.manage().addCookie(ownersSession);
    browser.get(base() + "/console/fans/fan-0005?lang=en");
    String line = browser.findElement(By.id("fan-stats")).getText();
    Assertions.assertTrue(line.contains("clicks " + (clicksBefore + 1)), line);
    Assertions.assertTrue(line.contains("Page views 2"), line);
  }
}
