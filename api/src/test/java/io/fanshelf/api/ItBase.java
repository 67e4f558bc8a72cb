package io.fanshelf.api;

import io.fanshelf.api.auth.ApiKeyStore;
import io.fanshelf.api.auth.OwnerToken;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.auth.TokenStore;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The integration tests share one running application on a random port, over a fresh data directory
 * with the beauty-home fixture imported by demo mode, and talk to it over real HTTP.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fanshelf.demo=true",
      "fanshelf.demo-data=classpath:fixtures/beauty-home/",
      "fanshelf.demo-password=" + ApiTestBase.PASSWORD,
      "fanshelf.auth.bcrypt-strength=4",
      "logging.level.root=WARN",
      "logging.file.name=target/test-data/fanshelf-test.log"
    })
public abstract class ItBase {
  private static final Path DATA =
      Path.of("target", "test-data", "it-" + UUID.randomUUID()).toAbsolutePath();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("fanshelf.data-dir", DATA::toString);
  }

  @LocalServerPort protected int port;
  @Autowired protected ApiKeyStore keys;
  @Autowired protected TokenStore tokens;

  protected final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  protected String base() {
    return "http://localhost:" + port;
  }

  protected String apiKey(Scope... scopes) throws IOException {
    return "Bearer " + keys.create("it", Set.of(scopes)).secret();
  }

  /** "Bearer <token>" for a signed-in owner, issued directly as sign-in would. */
  protected String owner(OwnerId owner) throws IOException {
    return "Bearer " + tokens.issue(owner, OwnerToken.Kind.API, Duration.ofHours(1)).token();
  }

  protected HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  protected HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base() + path));
  }

  protected HttpRequest.Builder json(String path, String method, String auth, String body) {
    return request(path)
        .header("Authorization", auth)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  /**
   * The console's sign-in form as a browser sends it: fetched first for its CSRF value and cookie,
   * then posted with both, {@code owner} and {@code password}.
   */
  protected HttpRequest.Builder signInForm(String owner, String password)
      throws IOException, InterruptedException {
    HttpResponse<String> page = send(request("/console/login").GET());
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    if (!csrf.find()) {
      throw new AssertionError("the sign-in form carries no CSRF value: " + page.body());
    }
    String cookie =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("FANSHELF_SIGN_IN="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the sign-in form sets no FANSHELF_SIGN_IN"));
    return request("/console/login")
        .header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "_csrf="
                    + csrf.group(1)
                    + "&owner="
                    + URLEncoder.encode(owner, StandardCharsets.UTF_8)
                    + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8)));
  }

  /** A multipart/form-data body with one file part and optional fields. */
  protected static Multipart multipart(
      String part, String fileName, String content, String... fields) {
    String boundary = "----fanshelf" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.append("--")
          .append(boundary)
          .append("\r\n")
          .append("Content-Disposition: form-data; name=\"")
          .append(fields[i])
          .append("\"\r\n\r\n")
          .append(fields[i + 1])
          .append("\r\n");
    }
    body.append("--")
        .append(boundary)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"")
        .append(part)
        .append("\"; filename=\"")
        .append(fileName)
        .append("\"\r\n")
        .append("Content-Type: text/csv\r\n\r\n")
        .append(content)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    return new Multipart("multipart/form-data; boundary=" + boundary, body.toString());
  }

  /** A multipart body and its content type. */
  public record Multipart(String contentType, String body) {
    public HttpRequest.BodyPublisher publisher() {
      return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }
  }
}
