package io.fanshelf.api.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fanshelf.api.ApiTestBase;
import io.fanshelf.api.online.RedisTestSupport;
import io.fanshelf.api.redis.RedisLink;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchOptions;
import io.fanshelf.indexer.store.elasticsearch.SharedNode;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.SetArgs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
 * events sent to both nodes are counted once in the owner's statistics, the same on both; and a
 * node C started after more events went through A and B loads the shared aggregates and owner
 * statistics snapshots instead of counting the events index, replays the feeds after them, and
 * recommends and counts what A and B do.
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
  private ServerProcess nodeC;

  @AfterEach
  void stop() {
    for (ServerProcess node : new ServerProcess[] {nodeA, nodeB, nodeC}) {
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
        "fanshelf.redis.consumer-group=indexer",
        // The shared aggregates and owner statistics snapshots are written every 2 s (by one node
        // each), and their log lines are kept.
        "fanshelf.store.aggregates-snapshot-interval=2s",
        // Each node's per-category popular lists (computed from its aggregates, cached for this
        // long): recomputed each second, so that nodes agree as soon as their aggregates do.
        "fanshelf.recommend.leaders-refresh=1s",
        "logging.level.io.fanshelf.api.redis.SharedAggregates=INFO",
        "logging.level.io.fanshelf.api.owner.SharedStats=INFO");
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

    theFunnelIsTheSameOnBothNodes(run, app, owner);
    aLateNodeStartsFromTheSharedSnapshots(root, indexPrefix, run, app, owner);

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

  /**
   * Shelf opens and clicks with the owner sent to A and to B, then purchases carrying no owner of
   * the clicked products sent to the other node: whichever node's consumer stores an event, both
   * nodes show the owner the same funnel, each purchase given to the owner of the click before it
   * (last-click attribution across nodes), as one node that stored everything would.
   */
  private void theFunnelIsTheSameOnBothNodes(String run, String app, String owner)
      throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(funnel(nodeB, owner)).as("B's funnel").isEqualTo(funnel(nodeA, owner)));
    JsonNode before = funnel(nodeA, owner);
    String[] products = {"bh-006", "bh-007", "bh-009", "bh-010"};
    Instant at = Instant.now().minusSeconds(120);
    for (int i = 0; i < products.length; i++) {
      String fan = "fan-000" + (1 + i);
      String opened =
          funnelEvent(
                  "shelf-imp-" + run + "-funnel-" + i + "-0", fan, products[i], "impression", at)
              + ", "
              + funnelEvent(run + "-click-" + i, fan, products[i], "click", at.plusSeconds(10));
      json(send(i % 2 == 0 ? nodeA : nodeB, "POST", "/api/v1/events", app, events(opened)), 200);
    }
    // The clicks are counted before the purchases are sent, so that they come first in any order
    // the two consumers store in.
    for (ServerProcess node : List.of(nodeA, nodeB)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> stage(funnel(node, owner), "clicked") == stage(before, "clicked") + 4);
    }
    for (int i = 0; i < products.length; i++) {
      String bought =
          ("{\"id\": \"%s-bought-%d\", \"fan\": \"fan-000%d\", \"product\": \"%s\","
                  + " \"type\": \"purchase\", \"time\": \"%s\"}")
              .formatted(run, i, 1 + i, products[i], at.plusSeconds(60));
      json(send(i % 2 == 0 ? nodeB : nodeA, "POST", "/api/v1/events", app, events(bought)), 200);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode onA = funnel(nodeA, owner);
              assertThat(stage(onA, "opened")).isEqualTo(stage(before, "opened") + 4);
              assertThat(stage(onA, "bought"))
                  .as("purchases without an owner, given to the clicks' owner")
                  .isEqualTo(stage(before, "bought") + 4);
              assertThat(funnel(nodeB, owner)).as("B's funnel").isEqualTo(onA);
            });
  }

  private JsonNode funnel(ServerProcess node, String owner) throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return json(
        send(
            node,
            "GET",
            "/api/v1/owner/funnel?from=" + today.minusDays(7) + "&to=" + today,
            owner,
            null),
        200);
  }

  /** The events of a stage of the funnel: opens, clicks, carts or purchases. */
  private static long stage(JsonNode funnel, String name) {
    for (JsonNode stage : funnel.get("stages")) {
      if (stage.get("stage").asString().equalsIgnoreCase(name)) {
        return stage.get("events").asLong();
      }
    }
    throw new AssertionError("no stage " + name + " in " + funnel);
  }

  private static String funnelEvent(
      String id, String fan, String product, String type, Instant time) {
    return ("{\"id\": \"%s\", \"fan\": \"%s\", \"product\": \"%s\", \"type\": \"%s\","
            + " \"time\": \"%s\", \"owner\": \"shop-lily\"}")
        .formatted(id, fan, product, type, time);
  }

  private static String events(String events) {
    return "{\"events\": [" + events + "]}";
  }

  /**
   * Events through A and B, shared snapshots of the aggregates and of the owner statistics that
   * include them, more events after them (the test holds the writers' turns, so no node writes
   * newer snapshots), then node C: it loads both snapshots, replays the feeds after them, counts
   * nothing from the store, ranks as A and B do and shows the owner the same statistics.
   */
  private void aLateNodeStartsFromTheSharedSnapshots(
      Path root, String indexPrefix, String run, String app, String owner) throws Exception {
    RedisLink redis = RedisTestSupport.link(redisPrefix);
    try {
      List<String> before = List.of(views(run, 0, 12), views(run, 12, 24));
      json(send(nodeA, "POST", "/api/v1/events", app, before.get(0)), 200);
      json(send(nodeB, "POST", "/api/v1/events", app, before.get(1)), 200);
      await().atMost(Duration.ofSeconds(60)).until(() -> fed(redis, run, 0, 24));
      String snapshotAt = holdSnapshot(redis, "aggregates");
      String statsAt = holdSnapshot(redis, "stats");
      long purchased = purchases(nodeA, owner);
      json(send(nodeA, "POST", "/api/v1/events", app, views(run, 24, 36)), 200);
      String late = Instant.now().minusSeconds(5).toString();
      json(
          send(
              nodeA,
              "POST",
              "/api/v1/events",
              app,
              "{\"events\": ["
                  + purchase(run + "-late-1", late)
                  + ", "
                  + purchase(run + "-late-2", late)
                  + "]}"),
          200);
      await().atMost(Duration.ofSeconds(60)).until(() -> fed(redis, run, 24, 36));
      for (ServerProcess node : List.of(nodeA, nodeB)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> purchases(node, owner) == purchased + 2);
      }
      // and for the funnel, a click after the snapshot, then a purchase without an owner after it
      long bought = stage(funnel(nodeA, owner), "bought");
      long clicks = stage(funnel(nodeA, owner), "clicked");
      Instant clicked = Instant.now().minusSeconds(30);
      json(
          send(
              nodeA,
              "POST",
              "/api/v1/events",
              app,
              events(funnelEvent(run + "-late-click", "fan-0005", "bh-012", "click", clicked))),
          200);
      for (ServerProcess node : List.of(nodeA, nodeB)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> stage(funnel(node, owner), "clicked") == clicks + 1);
      }
      json(
          send(
              nodeB,
              "POST",
              "/api/v1/events",
              app,
              events(
                  ("{\"id\": \"%s-late-bought\", \"fan\": \"fan-0005\", \"product\":"
                          + " \"bh-012\", \"type\": \"purchase\", \"time\": \"%s\"}")
                      .formatted(run, clicked.plusSeconds(10)))),
          200);
      for (ServerProcess node : List.of(nodeA, nodeB)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> stage(funnel(node, owner), "bought") == bought + 1);
      }
      assertThat(compare(lastEntry(redis, "aggregates"), snapshotAt))
          .as("entries after the aggregates snapshot")
          .isPositive();
      assertThat(compare(lastEntry(redis, "stats"), statsAt))
          .as("entries after the statistics snapshot")
          .isPositive();

      Path logC = root.resolve("c.log");
      nodeC = start(Files.createDirectories(root.resolve("c")), logC, indexPrefix);
      String started = Files.readString(logC);
      assertThat(started)
          .as("node C's start")
          .contains("aggregates loaded from the shared snapshot (feed position " + snapshotAt)
          .contains("owner statistics loaded from the shared snapshot (feed position " + statsAt)
          .doesNotContain("counting the whole events index")
          .doesNotContain("counted from the whole events index");
      for (String what : List.of("aggregates", "owner statistics")) {
        Matcher tail =
            Pattern.compile(
                    what
                        + " loaded from the shared snapshot [^\\n]*then (\\d+) feed entries"
                        + " \\((\\d+) events\\)")
                .matcher(started);
        assertThat(tail.find()).as(started).isTrue();
        assertThat(Long.parseLong(tail.group(2)))
            .as(what + ": events replayed after the snapshot")
            .isPositive();
      }

      assertThat(funnel(nodeC, owner)).as("C's funnel").isEqualTo(funnel(nodeA, owner));
      JsonNode onA = stats(nodeA, owner).get("total");
      assertThat(onA.get("purchases").asLong()).isEqualTo(purchased + 2);
      assertThat(stats(nodeB, owner).get("total")).as("B's owner statistics").isEqualTo(onA);
      assertThat(stats(nodeC, owner).get("total")).as("C's owner statistics").isEqualTo(onA);
      for (String fan : List.of("fan-0001", "fan-0003", "fan-0004", "fan-0006")) {
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  List<String> forYouOnA = forYou(nodeA, app, fan);
                  assertThat(forYouOnA).as(fan).isNotEmpty();
                  assertThat(forYou(nodeB, app, fan)).as(fan + " on B").isEqualTo(forYouOnA);
                  assertThat(forYou(nodeC, app, fan)).as(fan + " on C").isEqualTo(forYouOnA);
                });
      }
    } finally {
      redis.close();
    }
  }

  /**
   * Waits for a shared snapshot of the feed {@code stream} that includes every entry so far, then
   * takes the writer's turn so that no node writes another; its position.
   */
  private String holdSnapshot(RedisLink redis, String stream) {
    String hash = redisPrefix + stream + ":snapshot";
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                compare(
                        redis.call(c -> c.hget(hash, "position")).orElse("0-0"),
                        lastEntry(redis, stream))
                    >= 0);
    redis.call(c -> c.set(hash + ":lock", "the test", SetArgs.Builder.px(600_000)));
    // A write that took its turn just before finishes: the snapshot stays as it is from now on.
    String[] snapshot = {""};
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              String now = redis.call(c -> c.hget(hash, "position")).orElseThrow();
              boolean same = now.equals(snapshot[0]);
              snapshot[0] = now;
              return same;
            });
    return snapshot[0];
  }

  /** Views and purchases number {@code from} to {@code to} - 1 of six fans over six products. */
  private static String views(String run, int from, int to) {
    String[] products = {"bh-003", "bh-005", "bh-008", "bh-011", "bh-014", "bh-017"};
    Instant base = Instant.now().minusSeconds(7_200);
    StringBuilder events = new StringBuilder("{\"events\": [");
    for (int i = from; i < to; i++) {
      events
          .append(i == from ? "" : ",")
          .append(
              ("{\"id\": \"shared-%s-%d\", \"fan\": \"fan-000%d\", \"product\": \"%s\","
                      + " \"type\": \"%s\", \"time\": \"%s\"}")
                  .formatted(
                      run,
                      i,
                      1 + i % 6,
                      products[(i * 5 + i / 6) % products.length],
                      i % 3 == 0 ? "purchase" : "view",
                      base.plusSeconds(60L * i)));
    }
    return events.append("]}").toString();
  }

  /** Whether the aggregates feed holds the events {@code from} to {@code to} - 1. */
  private boolean fed(RedisLink redis, String run, int from, int to) {
    String all =
        redis
            .call(c -> c.xrange(redisPrefix + "aggregates", Range.create("-", "+")))
            .orElseThrow()
            .stream()
            .map(entry -> String.valueOf(entry.getBody()))
            .reduce("", String::concat);
    return IntStream.range(from, to).allMatch(i -> all.contains("shared-" + run + "-" + i + "\""));
  }

  private String lastEntry(RedisLink redis, String stream) {
    return redis
        .call(c -> c.xrevrange(redisPrefix + stream, Range.create("-", "+"), Limit.from(1)))
        .orElseThrow()
        .getFirst()
        .getId();
  }

  private static int compare(String a, String b) {
    String[] x = a.split("-");
    String[] y = b.split("-");
    int byTime = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
    return byTime != 0 ? byTime : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
  }

  private List<String> forYou(ServerProcess node, String app, String fan) throws Exception {
    JsonNode items =
        json(
                send(
                    node,
                    "GET",
                    "/api/v1/recommendations?owner=shop-lily&fan=" + fan + "&section=for-you",
                    app,
                    null),
                200)
            .get("items");
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.get("product").asString()));
    return ids;
  }

  private static String purchase(String id, String time) {
    return ("{\"id\": \"two-nodes-%s\", \"fan\": \"fan-0002\", \"product\": \"bh-002\","
            + " \"type\": \"purchase\", \"time\": \"%s\", \"owner\": \"shop-lily\"}")
        .formatted(id, time);
  }

  private long purchases(ServerProcess node, String owner) throws Exception {
    return stats(node, owner).get("total").get("purchases").asLong();
  }

  private JsonNode stats(ServerProcess node, String owner) throws Exception {
    return json(send(node, "GET", "/api/v1/owner/stats?days=1", owner, null), 200);
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
