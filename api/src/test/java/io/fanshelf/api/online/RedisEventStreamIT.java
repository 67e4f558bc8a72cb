package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fanshelf.api.redis.RedisEventQueue;
import io.fanshelf.api.redis.RedisLink;
import io.fanshelf.api.redis.StreamIndexer;
import io.fanshelf.api.system.ApiException;
import io.fanshelf.indexer.ingest.Problems;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** The event stream on the real Redis server: at-least-once delivery to the indexer. */
class RedisEventStreamIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final String prefix = RedisTestSupport.prefix();
  private final RedisLink link = RedisTestSupport.link(prefix);
  private final RedisEventQueue queue =
      new RedisEventQueue(
          link,
          JSON,
          Duration.ofMinutes(15),
          Clock.systemUTC(),
          Optional::empty,
          RedisEventQueue.Bound.NONE);
  private final List<StreamIndexer> indexers = new ArrayList<>();

  @AfterEach
  void clean() {
    indexers.forEach(StreamIndexer::close);
    RedisTestSupport.clean(link, prefix);
  }

  private StreamIndexer indexer(String node, StreamIndexer.BatchStore store) {
    StreamIndexer indexer =
        new StreamIndexer(
                link,
                store,
                JSON,
                "indexer",
                node,
                new StreamIndexer.Options(1, 500, Duration.ofMillis(500)))
            .start();
    indexers.add(indexer);
    return indexer;
  }

  private static List<Event> batch(String... ids) {
    List<Event> events = new ArrayList<>();
    for (String id : ids) {
      events.add(
          Event.of(id, "fan-1", "p-" + id, EventType.VIEW, Instant.parse("2026-11-22T08:00:00Z")));
    }
    return events;
  }

  @Test
  void storesEveryQueuedBatchInOrderAsTheEventsWereSent() {
    List<Event> stored = new CopyOnWriteArrayList<>();
    indexer("node-a", stored::addAll);
    queue.offer(batch("e1", "e2"));
    queue.offer(batch("e3"));
    await().atMost(Duration.ofSeconds(10)).until(() -> stored.size() == 3);
    assertThat(stored).isEqualTo(batch("e1", "e2", "e3"));
  }

  @Test
  void storesManyWaitingBatchesInOneAppendWithARepeatedEventOnce() {
    for (int n = 0; n < 50; n++) {
      queue.offer(batch("e" + n));
    }
    queue.offer(batch("e7")); // a client's retry of a batch already queued
    List<List<Event>> appends = new CopyOnWriteArrayList<>();
    StreamIndexer indexer = indexer("node-a", appends::add);
    await().atMost(Duration.ofSeconds(10)).until(() -> indexer.storedBatches() == 51);
    assertThat(appends).hasSize(1);
    List<String> ids = new ArrayList<>();
    for (int n = 0; n < 50; n++) {
      ids.add("e" + n);
    }
    assertThat(appends.getFirst()).extracting(event -> event.id().value()).isEqualTo(ids);
  }

  @Test
  void aBatchTheStoreFailedIsDeliveredAgain() {
    AtomicInteger attempts = new AtomicInteger();
    List<List<Event>> stored = new CopyOnWriteArrayList<>();
    indexer(
        "node-a",
        events -> {
          if (attempts.incrementAndGet() == 1) {
            throw new IOException("disk full");
          }
          stored.add(events);
        });
    queue.offer(batch("e1"));
    await().atMost(Duration.ofSeconds(10)).until(() -> stored.size() == 1);
    assertThat(attempts).hasValueGreaterThanOrEqualTo(2);
    assertThat(stored).containsExactly(batch("e1"));
  }

  @Test
  void aBatchANodeDiedWithIsTakenOverByAnotherNode() throws InterruptedException {
    CountDownLatch received = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    StreamIndexer dying =
        indexer(
            "node-a",
            events -> {
              received.countDown();
              try {
                never.await(); // dies here, before acknowledging: close() interrupts it
              } catch (InterruptedException e) {
                throw new IOException("killed");
              }
            });
    queue.offer(batch("e1"));
    assertThat(received.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    dying.close();
    List<List<Event>> stored = new CopyOnWriteArrayList<>();
    indexer("node-b", stored::add);
    await().atMost(Duration.ofSeconds(15)).until(() -> stored.size() == 1);
    assertThat(stored).containsExactly(batch("e1"));
  }

  @Test
  void aRefusedBatchIsSetAsideAndTheRestFlows() {
    // Both wait before the consumer starts: it tries them in one append first.
    queue.offer(batch("bad"));
    queue.offer(batch("good"));
    List<List<Event>> stored = new CopyOnWriteArrayList<>();
    indexer(
        "node-a",
        events -> {
          if (events.stream().anyMatch(event -> event.id().value().equals("bad"))) {
            Problems problems = new Problems();
            problems.add("events", 1, "id", "event id 'bad' is used by a different event");
            problems.throwIfAny();
          }
          stored.add(events);
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> stored.size() == 1);
    assertThat(stored).containsExactly(batch("good"));
    assertThat(link.call(commands -> commands.xlen(prefix + "events:refused"))).contains(1L);
  }

  @Test
  void refusesToQueueWhileRedisIsUnreachable() {
    RedisLink down = new RedisLink("redis://127.0.0.1:1", prefix, Duration.ofMillis(100));
    try {
      RedisEventQueue unreachable =
          new RedisEventQueue(
              down,
              JSON,
              Duration.ofMinutes(15),
              Clock.systemUTC(),
              Optional::empty,
              RedisEventQueue.Bound.NONE);
      assertThatThrownBy(() -> unreachable.offer(batch("e1")))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
          .hasMessageContaining("Redis is unreachable");
    } finally {
      down.close();
    }
  }
}
