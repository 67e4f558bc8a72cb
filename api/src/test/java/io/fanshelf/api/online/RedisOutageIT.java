package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.activity.StoredHistory;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis goes away and comes back under a running node: a Redis server this test starts itself on
 * another port (with its append-only file, as production should run it), killed with SIGKILL and
 * started again on the same files. The node keeps serving, reports DEGRADED, refuses event writes
 * with 503 meanwhile (it cannot queue them), recovers by itself, and loses no acknowledged event.
 */
class RedisOutageIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RedisServerProcess redis;
  private Node node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void keepsServingWithoutRedisAndLosesNoAcknowledgedEvent() throws Exception {
    redis = RedisServerProcess.start();
    node =
        Node.start(
            "node-outage",
            Map.of("fanshelf.redis.url", redis.url(), "fanshelf.redis.timeout", "200ms"));
    String events = node.apiKey(Scope.EVENTS_WRITE);
    String read = node.apiKey(Scope.RECOMMEND_READ);
    String shelf = shelfPath();
    assertThat(health()).contains("\"UP\"");

    List<String> acknowledged = new ArrayList<>();
    assertThat(send(events, acknowledged, "before-1", "before-2").get("queued")).isEqualTo(2L);

    redis.kill();

    await().atMost(Duration.ofSeconds(10)).until(() -> health().contains("\"DEGRADED\""));
    HttpResponse<String> refused =
        node.send("POST", "/api/v1/events", events, body("during-1", "during-2"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.body()).contains("Redis is unreachable").contains("not acknowledged");
    assertThat(node.get(shelf, null).statusCode()).isEqualTo(200);
    assertThat(node.get("/api/v1/recommendations?owner=shop-lily&fan=fan-0001", read).statusCode())
        .isEqualTo(200);

    redis.restart();
    await().atMost(Duration.ofSeconds(20)).until(() -> health().contains("\"UP\""));
    // the fan's history copied to Redis now (a miss fills it) must be kept by the stored events
    StoredHistory history = node.bean(StoredHistory.class);
    int limit = node.bean(Recommender.class).options().historyLimit();
    FanId fan = FanId.of("fan-0001");
    history.recent(fan, limit);
    MeterRegistry meters = node.bean(MeterRegistry.class);
    double hits = meters.get("fanshelf.history.reads").tag("source", "redis").counter().count();
    history.recent(fan, limit);
    assertThat(meters.get("fanshelf.history.reads").tag("source", "redis").counter().count())
        .isGreaterThan(hits);
    assertThat(send(events, acknowledged, "after-1", "after-2").get("queued")).isEqualTo(2L);

    Indexer indexer = node.bean(Indexer.class);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              for (String id : acknowledged) {
                assertThat(indexer.store().events().contains(EventId.of(id))).as(id).isTrue();
              }
            });
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(history.recent(fan, limit))
                    .extracting(event -> event.id().value())
                    .contains("after-1", "after-2"));
  }

  private Map<String, Long> send(String auth, List<String> acknowledged, String... ids)
      throws Exception {
    HttpResponse<String> response = node.send("POST", "/api/v1/events", auth, body(ids));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    acknowledged.addAll(List.of(ids));
    var json = JSON.readTree(response.body());
    return Map.of(
        "added", json.get("added").asLong(),
        "duplicates", json.get("duplicates").asLong(),
        "queued", json.get("queued").asLong());
  }

  private static String body(String... ids) {
    StringBuilder body = new StringBuilder("{\"events\": [");
    for (int i = 0; i < ids.length; i++) {
      body.append(i == 0 ? "" : ",")
          .append(
              """
              {"id": "%s", "fan": "fan-0001", "product": "bh-003", "type": "view", "time": "%s"}
              """
                  .formatted(ids[i], Instant.now().minusSeconds(1)));
    }
    return body + "]}";
  }

  private String shelfPath() throws Exception {
    HttpResponse<String> link =
        node.send(
            "POST", "/api/v1/owner/links", node.owner(ApiTestBase.LILY), "{\"fan\": \"fan-0001\"}");
    assertThat(link.statusCode()).as(link.body()).isIn(200, 201);
    return URI.create(JSON.readTree(link.body()).get(0).get("url").asString()).getPath();
  }

  private String health() throws IOException, InterruptedException {
    HttpResponse<String> response = node.get("/actuator/health", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
