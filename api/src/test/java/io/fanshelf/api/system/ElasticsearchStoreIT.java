package io.fanshelf.api.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jayway.jsonpath.JsonPath;
import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.ApiKeyStore;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchBackend;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchOptions;
import io.fanshelf.indexer.store.elasticsearch.SharedNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on {@code fanshelf.store.backend=elasticsearch}: a real Elasticsearch node in
 * this JVM (started before the application), demo mode importing the beauty-home fixture into it,
 * and an app's events, an owner's label and recommendations over HTTP, answered from the cluster.
 * The context is closed after the class, before the node stops.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fanshelf.store.backend=elasticsearch",
      "fanshelf.elasticsearch.replicas=0",
      "fanshelf.elasticsearch.refresh=immediate",
      "fanshelf.demo=true",
      "fanshelf.demo-data=classpath:fixtures/beauty-home/",
      "fanshelf.demo-password=" + ApiTestBase.PASSWORD,
      "fanshelf.auth.bcrypt-strength=4",
      "logging.level.root=WARN",
      "logging.file.name=target/test-data/fanshelf-es-test.log"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ElasticsearchStoreIT {
  @RegisterExtension
  static final SharedNode NODE = new SharedNode(ElasticsearchOptions.Refresh.IMMEDIATE);

  private static final String PREFIX = "api-it-" + UUID.randomUUID().toString().substring(0, 8);
  private static final Path DATA =
      Path.of("target", "test-data", "es-" + UUID.randomUUID()).toAbsolutePath();

  @DynamicPropertySource
  static void elasticsearch(DynamicPropertyRegistry registry) {
    registry.add("fanshelf.elasticsearch.hosts", () -> NODE.uri().toString());
    registry.add("fanshelf.elasticsearch.index-prefix", () -> PREFIX);
    registry.add("fanshelf.data-dir", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired Indexer indexer;
  @Autowired ApiKeyStore keys;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theServiceKeepsItsStoreOnElasticsearch() throws Exception {
    assertInstanceOf(ElasticsearchBackend.class, indexer.store());
    assertEquals(21, indexer.store().catalog().count(), "demo mode imported the fixture");
    String app =
        "Bearer " + keys.create("es-it", Set.of(Scope.EVENTS_WRITE, Scope.RECOMMEND_READ)).secret();

    HttpResponse<String> events =
        send(
            "/api/v1/events",
            "POST",
            app,
            "{\"events\": [{\"id\": \"es-it-1\", \"fan\": \"fan-0002\", \"product\": \"bh-005\","
                + " \"type\": \"cart\", \"time\": \"2026-11-02T10:00:00Z\", \"owner\": \"shop-lily\"}]}");
    assertEquals(200, events.statusCode(), events.body());
    assertTrue(indexer.store().events().contains(EventId.of("es-it-1")), "stored in the cluster");

    HttpResponse<String> recommended =
        send("/api/v1/recommendations?owner=shop-lily&fan=fan-0002&limit=5", "GET", app, null);
    assertEquals(200, recommended.statusCode(), recommended.body());
    List<String> products = JsonPath.read(recommended.body(), "$.items[*].product");
    assertEquals(5, products.size(), recommended.body());

    HttpResponse<String> needed =
        send(
            "/api/v1/recommendations?owner=shop-lily&fan=fan-0002&limit=3&need="
                + java.net.URLEncoder.encode("想买花茶", StandardCharsets.UTF_8),
            "GET",
            app,
            null);
    assertEquals(200, needed.statusCode(), needed.body());
    List<String> teas = JsonPath.read(needed.body(), "$.items[*].product");
    assertTrue(
        Set.of("bh-011", "bh-012", "bh-013").contains(teas.getFirst()),
        "a flower tea first: " + teas);

    HttpResponse<String> token =
        send(
            "/api/v1/auth/token",
            "POST",
            null,
            "{\"owner\": \"shop-lily\", \"password\": \"" + ApiTestBase.PASSWORD + "\"}");
    String owner = "Bearer " + JsonPath.read(token.body(), "$.token");
    HttpResponse<String> labelled =
        send(
            "/api/v1/owner/fans/fan-0002/labels/skin_type", "PUT", owner, "{\"values\": [\"干皮\"]}");
    assertEquals(200, labelled.statusCode(), labelled.body());
    assertEquals(
        List.of("dry"),
        indexer
            .store()
            .fans()
            .get(OwnerId.of("shop-lily"), FanId.of("fan-0002"))
            .orElseThrow()
            .label("skin_type")
            .orElseThrow()
            .values());

    HttpResponse<String> health = send("/actuator/health/readiness", "GET", null, null);
    assertEquals(200, health.statusCode(), health.body());
  }

  private HttpResponse<String> send(String path, String method, String auth, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
