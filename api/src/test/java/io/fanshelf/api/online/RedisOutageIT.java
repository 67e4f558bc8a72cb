package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.auth.Scope;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.EventId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis goes away and comes back under a running node: a Redis server this test starts itself on
 * another port (with its append-only file, as production should run it), killed with SIGKILL and
 * started again on the same files. The node keeps serving, reports DEGRADED, stores events directly
 * meanwhile, recovers by itself, and loses no acknowledged event.
 */
class RedisOutageIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path redisDir =
      Path.of("target", "test-data", "redis-outage-" + UUID.randomUUID()).toAbsolutePath();
  private final int port = freePort();
  private Process redis;
  private Node node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
    if (redis != null) {
      redis.destroyForcibly();
    }
  }

  @Test
  void keepsServingWithoutRedisAndLosesNoAcknowledgedEvent() throws Exception {
    startRedis();
    node =
        Node.start(
            "node-outage",
            Map.of(
                "fanshelf.redis.url",
                "redis://127.0.0.1:" + port,
                "fanshelf.redis.timeout",
                "200ms"));
    String events = node.apiKey(Scope.EVENTS_WRITE);
    String read = node.apiKey(Scope.RECOMMEND_READ);
    String shelf = shelfPath();
    assertThat(health()).contains("\"UP\"");

    List<String> acknowledged = new ArrayList<>();
    assertThat(send(events, acknowledged, "before-1", "before-2").get("queued")).isEqualTo(2L);

    redis.destroyForcibly().waitFor();

    Map<String, Long> during = send(events, acknowledged, "during-1", "during-2");
    assertThat(during.get("added") + during.get("duplicates")).isEqualTo(2L);
    await().atMost(Duration.ofSeconds(10)).until(() -> health().contains("\"DEGRADED\""));
    assertThat(node.get(shelf, null).statusCode()).isEqualTo(200);
    assertThat(node.get("/api/v1/recommendations?owner=shop-lily&fan=fan-0001", read).statusCode())
        .isEqualTo(200);

    startRedis();
    await().atMost(Duration.ofSeconds(20)).until(() -> health().contains("\"UP\""));
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
  }

  private Map<String, Long> send(String auth, List<String> acknowledged, String... ids)
      throws Exception {
    StringBuilder body = new StringBuilder("{\"events\": [");
    for (int i = 0; i < ids.length; i++) {
      body.append(i == 0 ? "" : ",")
          .append(
              """
              {"id": "%s", "fan": "fan-0001", "product": "bh-003", "type": "view", "time": "%s"}
              """
                  .formatted(ids[i], Instant.now().minusSeconds(1)));
    }
    HttpResponse<String> response = node.send("POST", "/api/v1/events", auth, body + "]}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    acknowledged.addAll(List.of(ids));
    var json = JSON.readTree(response.body());
    return Map.of(
        "added", json.get("added").asLong(),
        "duplicates", json.get("duplicates").asLong(),
        "queued", json.get("queued").asLong());
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

  private void startRedis() throws IOException, InterruptedException {
    Files.createDirectories(redisDir);
    redis =
        new ProcessBuilder(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--dir",
                redisDir.toString())
            .redirectErrorStream(true)
            .redirectOutput(redisDir.resolve("redis.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .failFast(
            "redis-server exited on port " + port + "; see " + redisDir.resolve("redis.log"),
            () -> !redis.isAlive())
        .until(this::answersPing);
  }

  private boolean answersPing() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
