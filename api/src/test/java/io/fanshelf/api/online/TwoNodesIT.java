package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.api.model.ToyModels;
import io.fanshelf.api.shelf.ShelfCache;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.training.registry.ModelRegistry;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two API nodes in one test run sharing the real Redis server: what one node is told, the other
 * serves; and a third started later serves the same.
 */
class TwoNodesIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PREFIX = RedisTestSupport.prefix();
  private static Node nodeA;
  private static Node nodeB;

  private static Map<String, String> redis() {
    return Map.of(
        "fanshelf.redis.url",
        RedisTestSupport.URL,
        "fanshelf.redis.key-prefix",
        PREFIX,
        "fanshelf.redis.model-poll",
        "200ms",
        // each node's per-category popular lists are cached this long: recomputed each second,
        // so that nodes agree as soon as their aggregates do (the 1 min default failed a run)
        "fanshelf.recommend.leaders-refresh",
        "1s");
  }

  @BeforeAll
  static void start() {
    nodeA = Node.start("node-a", redis());
    nodeB = Node.start("node-b", redis());
  }

  @AfterAll
  static void stop() {
    if (nodeA != null) {
      nodeA.close();
    }
    if (nodeB != null) {
      nodeB.close();
    }
    RedisTestSupport.clean(RedisTestSupport.link(PREFIX), PREFIX);
  }

  private static List<String> recommended(Node node, String auth, String fan, String section)
      throws Exception {
    HttpResponse<String> response =
        node.get(
            "/api/v1/recommendations?owner=shop-lily&fan=" + fan + "&section=" + section, auth);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode items = JSON.readTree(response.body()).get("items");
    return items.valueStream().map(item -> item.get("product").asString()).toList();
  }

  @Test
  void anEventSentToOneNodeChangesTheRankingServedByTheOther() throws Exception {
    String readOnB = nodeB.apiKey(Scope.RECOMMEND_READ);
    assertThat(recommended(nodeB, readOnB, "fan-two-nodes", "recently-viewed"))
        .doesNotContain("bh-007");

    HttpResponse<String> sent =
        nodeA.send(
            "POST",
            "/api/v1/events",
            nodeA.apiKey(Scope.EVENTS_WRITE),
            """
            {"events": [{"id": "two-nodes-1", "fan": "fan-two-nodes", "product": "bh-007",
                         "type": "view", "time": "%s"}]}
            """
                .formatted(Instant.now().minusSeconds(5)));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(JSON.readTree(sent.body()).get("queued").asLong()).isEqualTo(1);

    // No waiting: recent activity is in Redis before node A answers.
    assertThat(recommended(nodeB, readOnB, "fan-two-nodes", "recently-viewed"))
        .startsWith("bh-007");
    // And each node's own store gets the event from the stream.
    for (Node node : List.of(nodeA, nodeB)) {
      Indexer indexer = node.bean(Indexer.class);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> indexer.store().events().contains(EventId.of("two-nodes-1")));
    }
  }

  @Test
  void aNodeStartedLaterRecommendsWhatTheOthersRecommend() throws Exception {
    // Purchases and views that move popularity, co-occurrence and the fans' affinities.
    StringBuilder events = new StringBuilder("{\"events\": [");
    String[] products = {"bh-003", "bh-005", "bh-008", "bh-011", "bh-014", "bh-017"};
    Instant base = Instant.now().minusSeconds(3_600);
    for (int i = 0; i < 24; i++) {
      events
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"id": "late-node-%d", "fan": "fan-000%d", "product": "%s", "type": "%s",
               "time": "%s"}"""
                  .formatted(
                      i,
                      1 + i % 6,
                      products[(i * 5) % products.length],
                      i % 3 == 0 ? "purchase" : "view",
                      base.plusSeconds(60L * i)));
    }
    HttpResponse<String> sent =
        nodeA.send(
            "POST",
            "/api/v1/events",
            nodeA.apiKey(Scope.EVENTS_WRITE),
            events.append("]}").toString());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

    Node late = Node.start("node-late", redis());
    try {
      List<Node> nodes = List.of(nodeA, nodeB, late);
      // Every node's store and aggregates have every event of the stream (the late node reads it
      // from its start), and the same number of them.
      await()
          .atMost(Duration.ofSeconds(120))
          .untilAsserted(
              () -> {
                List<String> states = new ArrayList<>();
                for (Node node : nodes) {
                  Indexer indexer = node.bean(Indexer.class);
                  states.add(
                      "has the last event %s, counted %d of %d stored"
                          .formatted(
                              indexer.store().events().contains(EventId.of("late-node-23")),
                              indexer.aggregates().stats().eventsSeen(),
                              indexer.store().events().count()));
                }
                String first = states.getFirst();
                assertThat(states)
                    .as("nodes A, B and the late one")
                    .allMatch(
                        state ->
                            state.equals(first) && state.startsWith("has the last event true"));
                long stored = nodeA.bean(Indexer.class).store().events().count();
                assertThat(first).endsWith(" " + stored + " of " + stored + " stored");
              });
      // The same counts reach the ranking once each node's popular lists and signals are
      // refreshed from them (every second here), so the lists agree within a few seconds.
      String readOnA = nodeA.apiKey(Scope.RECOMMEND_READ);
      String readOnB = nodeB.apiKey(Scope.RECOMMEND_READ);
      String readOnLate = late.apiKey(Scope.RECOMMEND_READ);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                for (String fan : List.of("fan-0001", "fan-0002", "fan-0004", "fan-0006")) {
                  List<String> onA = recommended(nodeA, readOnA, fan, "for-you");
                  assertThat(onA).as(fan).isNotEmpty();
                  assertThat(recommended(nodeB, readOnB, fan, "for-you"))
                      .as(fan + " on node B")
                      .isEqualTo(onA);
                  assertThat(recommended(late, readOnLate, fan, "for-you"))
                      .as(fan + " on the node started later")
                      .isEqualTo(onA);
                }
              });
    } finally {
      late.close();
    }
  }

  @Test
  void aLabelChangeOnOneNodeMakesTheOtherNodesCachedShelfStale() throws Exception {
    HttpResponse<String> link =
        nodeB.send(
            "POST",
            "/api/v1/owner/links",
            nodeB.owner(ApiTestBase.LILY),
            "{\"fan\": \"fan-0002\"}");
    assertThat(link.statusCode()).as(link.body()).isIn(200, 201);
    String path = URI.create(JSON.readTree(link.body()).get(0).get("url").asString()).getPath();
    assertThat(nodeB.get(path, null).statusCode()).isEqualTo(200);
    ShelfCache cacheOnB = nodeB.bean(ShelfCache.class);
    assertThat(cacheOnB.get(ApiTestBase.LILY, FanId.of("fan-0002"))).isPresent();

    HttpResponse<String> labelled =
        nodeA.send(
            "PUT",
            "/api/v1/owner/fans/fan-0002/labels/skin_type",
            nodeA.owner(ApiTestBase.LILY),
            "{\"values\": [\"oily\"]}");
    assertThat(labelled.statusCode()).as(labelled.body()).isEqualTo(200);

    assertThat(cacheOnB.get(ApiTestBase.LILY, FanId.of("fan-0002"))).isEmpty();
  }

  @Test
  void aModelPublishedOnOneNodeServesOnEveryNode() throws Exception {
    String id = ToyModels.save(nodeA.bean(ModelRegistry.class));
    String admin = nodeA.apiKey(Scope.ADMIN);
    HttpResponse<String> published =
        nodeA.send("POST", "/api/v1/admin/models/" + id + "/publish", admin, "");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

    Recommender onB = nodeB.bean(Recommender.class);
    await().atMost(Duration.ofSeconds(20)).until(() -> onB.rankings().current().name().equals(id));
    assertThat(nodeB.bean(ModelRegistry.class).current()).contains(id);

    HttpResponse<String> rolledBack =
        nodeA.send("POST", "/api/v1/admin/models/rollback", admin, "");
    assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> !onB.rankings().current().name().equals(id));
    assertThat(nodeB.bean(ModelRegistry.class).current()).isEmpty();
  }
}
