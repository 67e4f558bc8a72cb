package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fanshelf.api.auth.Scope;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.EventId;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis killed under load: client threads post event batches to a node whose Redis (started by the
 * test with the documented persistence: append-only, fsync always) is killed with SIGKILL mid-load
 * and started again on the same files. While Redis is away the node answers event writes with 503
 * (problem, Retry-After) and recommendations still answer; afterwards every batch it acknowledged
 * is in its store.
 */
class KillRedisUnderLoadIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int CLIENTS = 3;
  private static final int BATCH = 10;

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
  void everyAcknowledgedBatchIsStoredAndWritesAre503WhileRedisIsAway() throws Exception {
    redis = RedisServerProcess.start();
    node =
        Node.start(
            "node-redis-kill",
            Map.of("fanshelf.redis.url", redis.url(), "fanshelf.redis.timeout", "200ms"));
    String events = node.apiKey(Scope.EVENTS_WRITE);
    String read = node.apiKey(Scope.RECOMMEND_READ);
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    AtomicInteger refused = new AtomicInteger();
    AtomicBoolean loading = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int client = 0; client < CLIENTS; client++) {
      String prefix = "k" + client + "-";
      running.add(clients.submit(() -> post(events, prefix, loading, acknowledged, refused)));
    }
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 20 * BATCH);
      int refusedBefore = refused.get();
      redis.kill();
      int ackedAtKill = acknowledged.size();
      await().atMost(Duration.ofSeconds(10)).until(() -> refused.get() > refusedBefore);
      await().atMost(Duration.ofSeconds(10)).until(() -> health().contains("\"DEGRADED\""));
      // Serving goes on without Redis.
      HttpResponse<String> recommended =
          node.get("/api/v1/recommendations?owner=shop-lily&fan=fan-0001", read);
      assertThat(recommended.statusCode()).as(recommended.body()).isEqualTo(200);

      redis.restart();
      await().atMost(Duration.ofSeconds(30)).until(() -> health().contains("\"UP\""));
      // the backlog is measured every 250 ms; after a reconnect it shows from the first measurement
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> eventStreamHealth().contains("\"streamBacklog\""));
      assertThat(eventStreamHealth())
          .contains("\"streamBacklog\"")
          .contains("\"streamBacklogOldestMillis\"")
          .contains("\"eventWritesRefused\"");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> acknowledged.size() >= ackedAtKill + 20 * BATCH);
    } finally {
      loading.set(false);
      for (Future<?> client : running) {
        client.get();
      }
      clients.shutdown();
    }

    Indexer indexer = node.bean(Indexer.class);
    List<String> ids = List.copyOf(acknowledged);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              for (String id : ids) {
                assertThat(indexer.store().events().contains(EventId.of(id)))
                    .as("acknowledged event %s stored", id)
                    .isTrue();
              }
            });
    System.out.printf(
        "KillRedisUnderLoadIT: %d events acknowledged and stored, %d batches refused with 503%n",
        ids.size(), refused.get());
  }

  /** Posts batches while {@code loading}: 200 is acknowledged, 503 refused, anything else fails. */
  private Void post(
      String auth,
      String prefix,
      AtomicBoolean loading,
      Queue<String> acknowledged,
      AtomicInteger refused)
      throws Exception {
    for (int n = 0; loading.get(); n++) {
      List<String> ids = new ArrayList<>();
      StringBuilder body = new StringBuilder("{\"events\": [");
      for (int i = 0; i < BATCH; i++) {
        String id = prefix + n + "-" + i;
        ids.add(id);
        body.append(i == 0 ? "" : ",")
            .append(
                """
                {"id": "%s", "fan": "fan-000%d", "product": "bh-0%02d", "type": "view", \
                "time": "%s"}"""
                    .formatted(id, 1 + i % 6, 1 + (n + i) % 20, Instant.now().minusSeconds(60)));
      }
      HttpResponse<String> response =
          node.send("POST", "/api/v1/events", auth, body.append("]}").toString());
      if (response.statusCode() == 200) {
        assertThat(JSON.readTree(response.body()).get("queued").asLong()).isEqualTo(BATCH);
        acknowledged.addAll(ids);
      } else {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValue("application/problem+json");
        refused.incrementAndGet();
        // retry once the node says it takes writes again (or the load is over)
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> !loading.get() || health().contains("\"UP\""));
      }
    }
    return null;
  }

  private String health() throws IOException, InterruptedException {
    HttpResponse<String> response = node.get("/actuator/health", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private String eventStreamHealth() throws IOException, InterruptedException {
    return node.get("/actuator/health/event-stream", null).body();
  }
}
