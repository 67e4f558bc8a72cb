package io.fanshelf.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, for the browser tests: started with the flags this machine's closed
 * network needs and a fresh profile, which {@link #close()} removes. Where {@code
 * /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing the test is skipped with the
 * reason, except in CI, where it fails.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts a browser with these arguments besides the fixed ones, e.g. {@code --lang=zh-CN} and
   * {@code --window-size=1280,900}.
   */
  public static HeadlessChromium start(String... arguments) throws IOException {
    return start(options -> options.addArguments(arguments));
  }

  /** Starts a browser with the fixed arguments and whatever {@code more} sets. */
  public static HeadlessChromium start(Consumer<ChromeOptions> more) throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "true".equals(System.getenv("CI"))) {
      Assertions.fail(
          "CI must have Chromium: apt-get install -y chromium chromium-driver fonts-noto-cjk");
    }
    Assumptions.assumeTrue(
        present,
        "browser test skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing"
            + " (apt-get install -y chromium chromium-driver fonts-noto-cjk)");
    Path profile = Files.createTempDirectory("fanshelf-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            // without these Chromium keeps calling Google's hosts, which this network refuses
            "--disable-background-networking",
            "--disable-quic",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile));
    more.accept(options);
    try {
      ChromeDriver driver =
          new ChromeDriver(
              new ChromeDriverService.Builder()
                  .usingDriverExecutable(CHROMEDRIVER.toFile())
                  .build(),
              options);
      return new HeadlessChromium(driver, profile);
    } catch (RuntimeException e) {
      delete(profile);
      throw e;
    }
  }

  /** The browser. */
  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Writes what the browser shows to docs/screenshots/{name}.png in the repository (committed, so
   * the docs show the pages as they are), or target/screenshots/ outside it.
   */
  public void screenshot(String name) throws IOException {
    Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs");
    Path dir =
        Files.isDirectory(docs)
            ? Files.createDirectories(docs.resolve("screenshots"))
            : Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Keeps what the browser shows under target/screenshots/{name}.png, for people to look at. */
  public void screenshotInTarget(String name) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      delete(profile);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
