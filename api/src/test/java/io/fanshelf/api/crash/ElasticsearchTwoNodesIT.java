package io.fanshelf.api.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.online.RedisTestSupport;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchOptions;
import io.fanshelf.indexer.store.elasticsearch.SharedNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless API nodes: two service JVMs on one shared store (a real Elasticsearch node in this JVM,
 * the real Redis server), each with a data directory of its own. An API key, an owner token, a
 * segment, a pin and a share link are made on node A; A is killed with SIGKILL; node B, which never
 * saw any of it, serves all of them, and what B changes (revoking A's link) holds. Before the kill,
 * events sent to both nodes are counted once in the owner's statistics, the same on both.
 */
class ElasticsearchTwoNodesIT {
  // Started before anything in this JVM touches Redis: both use Netty, whose processor count
  // Elasticsearch sets once and refuses to set after another user read it.
  @RegisterExtension
  static final SharedNode ELASTICSEARCH = new SharedNode(ElasticsearchOptions.Refresh.IMMEDIATE);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String redisPrefix = RedisTestSupport.prefix();
  private ServerProcess nodeA;
  private ServerProcess nodeB;

  @AfterEach
  void stop() {
    for (ServerProcess node : new ServerProcess[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    RedisTestSupport.clean(RedisTestSupport.link(redisPrefix), redisPrefix);
  }

  private ServerProcess start(Path data, Path log, String indexPrefix) throws Exception {
    return ServerProcess.start(
        data,
        log,
        http,
        "fanshelf.store.backend=elasticsearch",
        "fanshelf.elasticsearch.hosts=" + ELASTICSEARCH.uri(),
        "fanshelf.elasticsearch.index-prefix=" + indexPrefix,
        "fanshelf.elasticsearch.replicas=0",
        "fanshelf.elasticsearch.refresh=immediate",
        "fanshelf.redis.url=" + RedisTestSupport.URL,
        "fanshelf.redis.key-prefix=" + redisPrefix,
        "fanshelf.redis.consumer-group=indexer");
  }

  @Test
  void whatNodeAMadeIsServedByNodeBAfterAIsKilled() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String indexPrefix = "two-nodes-" + run;
    Path root = Path.of("target", "test-data", "two-nodes-" + run).toAbsolutePath();
    // A imports the fixture in demo mode; B's data directory exists, so B starts as a plain node
    // of the same deployment.
    Path dataA = root.resolve("a");
    Path dataB = Files.createDirectories(root.resolve("b"));
    nodeA = start(dataA, root.resolve("a.log"), indexPrefix);
    nodeB = start(dataB, root.resolve("b.log"), indexPrefix);

    String admin = "Bearer " + ServerProcess.adminKey(dataA);
    JsonNode key =
        json(
            send(
                nodeA,
                "POST",
                "/api/v1/admin/api-keys",
                admin,
                "{\"name\": \"shop app\", \"scopes\": [\"recommend:read\", \"events:write\"]}"),
            201);
    String app = "Bearer " + key.get("key").asString();
    String owner =
        "Bearer "
            + json(
                    send(
                        nodeA,
                        "POST",
                        "/api/v1/auth/token",
                        null,
                        "{\"owner\": \"shop-lily\", \"password\": \""
                            + ApiTestBase.PASSWORD
                            + "\"}"),
                    200)
                .get("token")
                .asString();
    JsonNode segment =
        json(
            send(
                nodeA,
                "POST",
                "/api/v1/owner/segments",
                owner,
                "{\"name\": \"油皮\", \"labels\": {\"skin_type\": [\"oily\"]}}"),
            201);
    String segmentId = segment.get("id").asString();
    json(send(nodeA, "PUT", "/api/v1/owner/curation/pins/bh-004", owner, ""), 200);
    JsonNode link =
        json(send(nodeA, "POST", "/api/v1/owner/links", owner, "{\"fan\": \"fan-0002\"}"), 201)
            .get(0);
    String shelf = URI.create(link.get("url").asString()).getPath();
    assertThat(send(nodeA, "GET", shelf, null, null).statusCode()).isEqualTo(200);

    // Owner statistics: each stored event counted once, and the same on both nodes, although
    // only one node's consumer stores it (one consumer group for the shared store).
    long before = purchases(nodeA, owner);
    assertThat(purchases(nodeB, owner)).isEqualTo(before);
    String sold = Instant.now().minusSeconds(5).toString();
    StringBuilder events = new StringBuilder("{\"events\": [");
    for (int i = 1; i <= 3; i++) {
      events.append(i > 1 ? ", " : "").append(purchase(run + "-" + i, sold));
    }
    json(send(nodeA, "POST", "/api/v1/events", app, events.append("]}").toString()), 200);
    // A client resending one of them to the other node: a duplicate, not counted again.
    json(
        send(
            nodeB,
            "POST",
            "/api/v1/events",
            app,
            "{\"events\": [" + purchase(run + "-2", sold) + "]}"),
        200);
    for (ServerProcess node : List.of(nodeA, nodeB)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> purchases(node, owner) == before + 3);
    }
    // and they stay there: the resent duplicate is not counted late on either node
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> purchases(nodeA, owner) == before + 3 && purchases(nodeB, owner) == before + 3);

    nodeA.kill();
    assertThat(nodeA.alive()).isFalse();

    assertThat(
            send(
                    nodeB,
                    "GET",
                    "/api/v1/recommendations?owner=shop-lily&fan=fan-0002&limit=3",
                    app,
                    null)
                .statusCode())
        .as("A's API key on B")
        .isEqualTo(200);
    JsonNode segmentOnB =
        json(send(nodeB, "GET", "/api/v1/owner/segments/" + segmentId, owner, null), 200);
    assertThat(segmentOnB.get("name").asString()).isEqualTo("油皮");
    assertThat(segmentOnB.get("fans").asLong()).isPositive();
    JsonNode curation = json(send(nodeB, "GET", "/api/v1/owner/curation", owner, null), 200);
    assertThat(curation.get("pins").get(0).get("id").asString()).isEqualTo("bh-004");

    HttpResponse<String> page = send(nodeB, "GET", shelf, null, null);
    assertThat(page.statusCode()).as("A's share link on B").isEqualTo(200);
    assertThat(page.body()).as("A's pin leads B's shelf").contains("data-product=\"bh-004\"");

    // B made nothing of this; its changes to A's state hold too.
    JsonNode forSegment =
        json(
            send(
                nodeB,
                "POST",
                "/api/v1/owner/links",
                owner,
                "{\"segment\": \"" + segmentId + "\"}"),
            201);
    assertThat(forSegment.size()).isEqualTo(segmentOnB.get("fans").asLong());
    assertThat(
            send(nodeB, "DELETE", "/api/v1/owner/links/" + link.get("id").asString(), owner, null)
                .statusCode())
        .isEqualTo(204);
    assertThat(send(nodeB, "GET", shelf, null, null).statusCode()).isEqualTo(404);
  }

  private static String purchase(String id, String time) {
    return ("{\"id\": \"two-nodes-%s\", \"fan\": \"fan-0002\", \"product\": \"bh-002\","
            + " \"type\": \"purchase\", \"time\": \"%s\", \"owner\": \"shop-lily\"}")
        .formatted(id, time);
  }

  private long purchases(ServerProcess node, String owner) throws Exception {
    return json(send(node, "GET", "/api/v1/owner/stats?days=1", owner, null), 200)
        .get("total")
        .get("purchases")
        .asLong();
  }

  private static JsonNode json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(
      ServerProcess node, String method, String path, String auth, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(node.base + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
