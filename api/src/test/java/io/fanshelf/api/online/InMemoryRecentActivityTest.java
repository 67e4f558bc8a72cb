package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.recommender.activity.InMemoryRecentActivity;
import io.fanshelf.recommender.activity.RecentActivity;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRecentActivityTest extends RecentActivityContract {
  @Override
  protected RecentActivity create(int capacity) {
    return new InMemoryRecentActivity(capacity, 1_000);
  }

  @Test
  void forgetsTheLeastRecentlyActiveFanBeyondItsLimit() {
    RecentActivity recent = new InMemoryRecentActivity(4, 2);
    recent.record(List.of(event("f1", "p1", EventType.VIEW, 1)));
    recent.record(List.of(event("f2", "p1", EventType.VIEW, 2)));
    recent.recent(FanId.of("f1")); // f1 is now the more recently used
    recent.record(List.of(event("f3", "p1", EventType.VIEW, 3)));
    assertThat(recent.recent(FanId.of("f2"))).isEmpty();
    assertThat(recent.recent(FanId.of("f1"))).hasSize(1);
    assertThat(recent.recent(FanId.of("f3"))).hasSize(1);
  }
}
