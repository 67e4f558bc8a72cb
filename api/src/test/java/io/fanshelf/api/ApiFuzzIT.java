package io.fanshelf.api;

import com.jayway.jsonpath.JsonPath;
import io.fanshelf.api.auth.ApiKeyStore;
import io.fanshelf.api.auth.OwnerToken;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.auth.TokenStore;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad requests to every operation of the OpenAPI document the running server serves (read at test
 * time, so a new endpoint is covered without touching this test), with the credentials each needs,
 * the wrong ones and none: no answer may be a 5xx, no problem may quote a Java type or a stack
 * trace, and afterwards the server is ready and still serves a real recommendation.
 *
 * <p>Seeded and reproducible: {@code -Dfanshelf.fuzz.seed=N} (default 16) and {@code
 * -Dfanshelf.fuzz.requests=N} (default 4000, under a minute here); a failure prints the seed, the
 * request's number and the request. The long run of docs/operations.md is {@code
 * -Dfanshelf.fuzz.requests=100000}. The server has a data directory of its own, as some requests
 * succeed and change data, and rate limits high enough that requests reach the handlers.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fanshelf.demo=true",
      "fanshelf.demo-data=classpath:fixtures/beauty-home/",
      "fanshelf.demo-password=" + ApiTestBase.PASSWORD,
      "fanshelf.auth.bcrypt-strength=4",
      "fanshelf.rate-limit.api-key-per-second=1000000",
      "fanshelf.rate-limit.api-key-burst=1000000",
      "fanshelf.rate-limit.owner-per-second=1000000",
      "fanshelf.rate-limit.owner-burst=1000000",
      "logging.level.root=WARN",
      "logging.file.name=target/test-data/fanshelf-fuzz.log"
    })
class ApiFuzzIT {
  private static final Path DATA =
      Path.of("target", "test-data", "fuzz-" + UUID.randomUUID()).toAbsolutePath();

  private static final long SEED = Long.getLong("fanshelf.fuzz.seed", 16);
  private static final long REQUESTS = Long.getLong("fanshelf.fuzz.requests", 4000);
  private static final int THREADS = 4;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("fanshelf.data-dir", DATA::toString);
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @LocalServerPort int port;
  @Autowired ApiKeyStore keys;
  @Autowired TokenStore tokens;

  @Test
  void noBadRequestIsAServerErrorAndTheServerStaysHealthy() throws Exception {
    JsonNode document = JsonMapper.shared().readTree(get("/v3/api-docs", null).body());
    String owner =
        "Bearer "
            + tokens
                .issue(OwnerId.of("shop-lily"), OwnerToken.Kind.API, Duration.ofDays(1))
                .token();
    Map<String, String> apiKeys = new TreeMap<>();
    for (Scope scope : Scope.values()) {
      apiKeys.put(scope.wireName(), "Bearer " + keys.create("fuzz", Set.of(scope)).secret());
    }
    FuzzRequests requests =
        new FuzzRequests(
            document,
            new FuzzRequests.Credentials(apiKeys, owner),
            new FuzzRequests.Samples(
                List.of("shop-lily", "shop-mu", "shop-anna", "shop-none"),
                List.of("fan-0001", "fan-0002", "fan-0005", "fan-0009", "fan-none"),
                List.of("bh-001", "bh-002", "bh-003", "bh-none"),
                List.of("skin_type", "home_style", "price_sensitivity", "no_such_dimension"),
                List.of("dry", "oily", "油皮", "颜值", "nonsense"),
                List.of(segment(owner), "seg_none"),
                List.of(link(owner), "lnk_none")));
    long rssBefore = ApiFuzz.rssKb();
    System.out.printf(
        "API fuzz: seed %d, %d requests over %d operations, %d threads%n",
        SEED, REQUESTS, requests.operations().size(), THREADS);
    ApiFuzz.Result result = new ApiFuzz(port, requests).run(SEED, REQUESTS, THREADS);
    System.out.printf(
        "%s; RSS of the test JVM (server and client) %d MB before, %d MB after%n",
        result.summary(SEED), rssBefore / 1024, ApiFuzz.rssKb() / 1024);

    Assertions.assertEquals(
        200, get("/actuator/health/readiness", null).statusCode(), "ready after the fuzz");
    HttpResponse<String> shelf =
        get("/api/v1/recommendations?owner=shop-lily&fan=fan-0001", apiKeys.get("recommend:read"));
    Assertions.assertEquals(200, shelf.statusCode(), shelf.body());
    List<?> items = JsonPath.read(shelf.body(), "$.items");
    Assertions.assertFalse(items.isEmpty(), "a real recommendation after the fuzz");
    if (!result.failures().isEmpty()) {
      Assertions.fail(result.failureReport(SEED));
    }
  }

  private HttpResponse<String> get(String target, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String target, String authorization, String json)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A segment of the owner's, so that segment ids in requests can be real. */
  private String segment(String owner) throws IOException, InterruptedException {
    HttpResponse<String> made =
        post(
            "/api/v1/owner/segments",
            owner,
            "{\"name\": \"fuzz\", \"labels\": {\"skin_type\": [\"dry\"]}}");
    Assertions.assertEquals(201, made.statusCode(), made.body());
    return JsonPath.read(made.body(), "$.id");
  }

  /** A share link of the owner's, so that link ids in requests can be real. */
  private String link(String owner) throws IOException, InterruptedException {
    HttpResponse<String> made = post("/api/v1/owner/links", owner, "{\"fan\": \"fan-0002\"}");
    Assertions.assertEquals(201, made.statusCode(), made.body());
    return JsonPath.read(made.body(), "$[0].id");
  }
}
