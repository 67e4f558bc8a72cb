package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.api.redis.RedisLink;
import io.fanshelf.api.redis.RedisRecentActivity;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.recommender.activity.RecentActivity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract on the real Redis server, and what only sharing adds. */
class RedisRecentActivityIT extends RecentActivityContract {
  private final String prefix = RedisTestSupport.prefix();
  private final List<RedisLink> links = new ArrayList<>();

  @Override
  protected RecentActivity create(int capacity) {
    RedisLink link = RedisTestSupport.link(prefix);
    links.add(link);
    return new RedisRecentActivity(link, capacity);
  }

  @AfterEach
  void clean() {
    links.forEach(link -> RedisTestSupport.clean(link, prefix));
  }

  @Test
  void twoNodesWritingOneFanKeepBothEntries() {
    RecentActivity nodeA = create(8);
    RecentActivity nodeB = create(8);
    nodeA.record(List.of(event("f1", "p1", EventType.VIEW, 1)));
    nodeB.record(List.of(event("f1", "p2", EventType.VIEW, 2)));
    assertThat(nodeA.recent(FanId.of("f1")))
        .containsExactly(activity("p2", EventType.VIEW, 2), activity("p1", EventType.VIEW, 1));
  }

  @Test
  void unreachableRedisRemembersNothingAndDoesNotThrow() {
    RedisLink down = new RedisLink("redis://127.0.0.1:1", prefix, Duration.ofMillis(100));
    try {
      RecentActivity recent = new RedisRecentActivity(down, 8);
      recent.record(List.of(event("f1", "p1", EventType.VIEW, 1)));
      assertThat(recent.recent(FanId.of("f1"))).isEmpty();
      assertThat(down.reachable()).isFalse();
    } finally {
      down.close();
    }
  }
}
