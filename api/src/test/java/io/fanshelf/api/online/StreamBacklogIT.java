package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fanshelf.api.redis.RedisEventQueue;
import io.fanshelf.api.redis.RedisLink;
import io.fanshelf.api.redis.StreamBacklog;
import io.fanshelf.api.redis.StreamIndexer;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event stream's backlog on the real Redis server: what a consumer group has not stored, and
 * the queue refusing batches (503) while it is over the bound, taking them again once it drains.
 */
class StreamBacklogIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String GROUP = "indexer";

  private final String prefix = RedisTestSupport.prefix();
  private final RedisLink link = RedisTestSupport.link(prefix);
  private final StreamBacklog backlog = new StreamBacklog(link, GROUP);
  private StreamIndexer indexer;

  @AfterEach
  void clean() {
    if (indexer != null) {
      indexer.close();
    }
    backlog.close();
    RedisTestSupport.clean(link, prefix);
  }

  private RedisEventQueue queue(RedisEventQueue.Bound bound) {
    return new RedisEventQueue(
        link, JSON, Duration.ofMinutes(15), Clock.systemUTC(), backlog::current, bound);
  }

  private static List<Event> batch(String id) {
    return List.of(
        Event.of(id, "fan-1", "p-1", EventType.VIEW, Instant.parse("2026-11-22T08:00:00Z")));
  }

  @Test
  void countsTheEntriesTheGroupHasNotStoredAndTheOldestOnesAge() throws InterruptedException {
    RedisEventQueue queue = queue(RedisEventQueue.Bound.NONE);
    await().until(() -> backlog.current().isPresent());
    assertThat(backlog.current().orElseThrow().entries()).isZero();
    link.call(
        commands ->
            commands.xgroupCreate(
                XReadArgs.StreamOffset.from(link.key("events"), "0"),
                GROUP,
                XGroupCreateArgs.Builder.mkstream()));
    queue.offer(batch("e1"));
    // e1 waits alone until the backlog has measured it at least 300 ms old
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                backlog
                    .current()
                    .filter(
                        b -> b.entries() == 1 && b.oldest().compareTo(Duration.ofMillis(300)) >= 0)
                    .isPresent());
    queue.offer(batch("e2"));
    queue.offer(batch("e3"));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              StreamBacklog.Backlog waiting = backlog.current().orElseThrow();
              assertThat(waiting.entries()).isEqualTo(3);
              assertThat(waiting.oldest()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            });
    indexer = indexer(events -> {});
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              StreamBacklog.Backlog waiting = backlog.current().orElseThrow();
              assertThat(waiting.entries()).isZero();
              assertThat(waiting.oldest()).isZero();
            });
  }

  @Test
  void refusesBatchesWhileTheOldestUnstoredEntryIsOlderThanTheBoundAndTakesThemAgainAfter()
      throws InterruptedException {
    RedisEventQueue queue = queue(new RedisEventQueue.Bound(Duration.ofMillis(500), 0));
    CountDownLatch storeStuck = new CountDownLatch(1);
    // The store hangs on its first append (a slow disk): the entry stays pending and ages.
    indexer =
        indexer(
            events -> {
              try {
                storeStuck.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    queue.offer(batch("e1"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                backlog
                    .current()
                    .filter(waiting -> waiting.oldest().compareTo(Duration.ofMillis(500)) > 0)
                    .isPresent());
    assertThatThrownBy(() -> queue.offer(batch("refused")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
              assertThat(e.retryAfter()).isPresent();
            })
        .hasMessageContaining("the event stream is behind")
        .hasMessageContaining("backlog-max-age");
    assertThat(link.call(commands -> commands.xlen(link.key("events")))).contains(1L);

    storeStuck.countDown();
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptionsInstanceOf(ApiException.class)
        .untilAsserted(() -> queue.offer(batch("e2")));
  }

  @Test
  void refusesBatchesWhileMoreEntriesWaitThanTheBound() {
    RedisEventQueue queue = queue(new RedisEventQueue.Bound(Duration.ZERO, 2));
    link.call(
        commands ->
            commands.xgroupCreate(
                XReadArgs.StreamOffset.from(link.key("events"), "0"),
                GROUP,
                XGroupCreateArgs.Builder.mkstream()));
    for (String id : List.of("e1", "e2", "e3")) {
      queue.offer(batch(id));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> backlog.current().filter(waiting -> waiting.entries() == 3).isPresent());
    assertThatThrownBy(() -> queue.offer(batch("refused"))).hasMessageContaining("3 batches wait");
  }

  private StreamIndexer indexer(StreamIndexer.BatchStore store) {
    return new StreamIndexer(
            link,
            store,
            JSON,
            GROUP,
            "node-a",
            new StreamIndexer.Options(1, 500, Duration.ofMinutes(1)))
        .start();
  }
}
