package io.fanshelf.api.owner;

import io.fanshelf.api.event.AttributedEventsStored;
import io.fanshelf.api.funnel.FunnelLedger;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Statistics per owner, fan and segment from the events attributed to the owner, held in memory.
 * Counted from the store at start-up, then from what is stored since: on this node's own store
 * (embedded, or one store per node), or, with a store shared by several nodes, from the {@link
 * StatsFeed} every node publishes the events it stored to, so each event is counted once and every
 * node shows the same figures. Thread-safe.
 */
@Service
public class StatsService {
  private static final Logger LOG = LoggerFactory.getLogger(StatsService.class);

  private final AttributedStats stats = new AttributedStats();
  private final Indexer indexer;
  private final FanService fans;
  private final Clock clock;
  private final Optional<StatsFeed> feed;
  private final FunnelLedger funnel;

  public StatsService(
      Indexer indexer, FanService fans, Clock clock, Optional<StatsFeed> feed, FunnelLedger funnel)
      throws IOException {
    this.indexer = indexer;
    this.fans = fans;
    this.clock = clock;
    this.feed = feed;
    this.funnel = funnel;
    // The feed's position before the count: what is stored meanwhile arrives through the feed.
    // The store's scan is a point in time, so only an event stored in the few milliseconds before
    // the scan and published after this position is counted twice.
    Optional<String> from = feed.map(StatsFeed::position);
    rebuild();
    from.ifPresent(position -> feed.get().follow(position, events -> events.forEach(stats::add)));
  }

  /**
   * Recounts from the whole event log (at startup and after an events file import), the funnel's
   * counts in the same pass.
   */
  public final void rebuild() throws IOException {
    long started = System.nanoTime();
    stats.clear();
    funnel.clear();
    indexer
        .store()
        .events()
        .forEach(
            event -> {
              stats.add(event);
              funnel.count(event);
            });
    LOG.info("owner statistics counted in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  @EventListener
  public void onStored(AttributedEventsStored stored) {
    if (feed.isPresent() && feed.get().publish(stored.events())) {
      return;
    }
    if (feed.isPresent()) {
      LOG.warn(
          "{} attributed events counted on this node only: the statistics feed is unreachable",
          stored.events().size());
    }
    stored.events().forEach(stats::add);
  }

  public AttributedStats.Counts owner(OwnerId owner) {
    return stats.owner(owner);
  }

  public List<AttributedStats.Day> days(OwnerId owner, int days) {
    return stats.days(owner, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), days);
  }

  public AttributedStats.Counts fan(OwnerId owner, FanId fan) {
    return stats.fan(owner, fan);
  }

  /** One fan's counts and latest times with the owner. */
  public AttributedStats.Activity activity(OwnerId owner, FanId fan) {
    return stats.activity(owner, fan);
  }

  /** Every fan of the owner with attributed events, with their counts and latest times. */
  public Map<FanId, AttributedStats.Activity> activity(OwnerId owner) {
    return stats.activity(owner);
  }

  /** The sum over the fans of a segment, as its filters select them now. */
  public AttributedStats.Counts segment(OwnerId owner, Segment segment) throws IOException {
    List<FanId> members = new ArrayList<>();
    fans.forEach(owner, segment.labels(), segment.unlabelled(), p -> members.add(p.fan().id()));
    return stats.fans(owner, members);
  }
}
