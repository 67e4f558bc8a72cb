package io.fanshelf.api.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fanshelf.api.auth.InMemoryRateLimiter;
import io.fanshelf.api.auth.RateLimiter;
import io.fanshelf.api.console.InMemoryPendingSheets;
import io.fanshelf.api.console.PendingSheets;
import io.fanshelf.api.event.EventQueue;
import io.fanshelf.api.event.EventService;
import io.fanshelf.api.owner.StatsFeed;
import io.fanshelf.api.shelf.InMemoryShelfCache;
import io.fanshelf.api.shelf.ShelfCache;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.store.EventReader;
import io.fanshelf.indexer.store.StoredJson;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.activity.InMemoryRecentActivity;
import io.fanshelf.recommender.activity.RecentActivity;
import io.fanshelf.recommender.activity.StoredHistory;
import io.fanshelf.training.registry.ModelRegistry;
import io.fanshelf.training.registry.ModelWatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The online state: recent activity, the shelf cache, rate limits, label sheets waiting for apply,
 * and (with Redis) the event stream and model publication. In memory in the embedded default;
 * shared through Redis when {@code fanshelf.redis.url} is set, each piece falling back to this node
 * alone while Redis is unreachable.
 */
@Configuration(proxyBeanMethods = false)
public class OnlineStateConfiguration {
  /** The embedded default remembers this many fans' recent activity (least recent forgotten). */
  static final int IN_MEMORY_ACTIVE_FANS = 100_000;

  // Stored formats (stream entries, cached shelves) must not follow the web mapper's settings.
  // Absent optionals are left out: a stream entry is about 100 bytes per event.
  private static final JsonMapper STORED_JSON =
      StoredJson.builder()
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_ABSENT))
          .build();

  /** The mapper of what is stored in Redis (stream entries, cached shelves). */
  public static JsonMapper storedJson() {
    return STORED_JSON;
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("!'${fanshelf.redis.url:}'.isEmpty()")
  RedisLink redisLink(FanShelfProperties properties) {
    FanShelfProperties.Redis redis = properties.redis();
    return new RedisLink(redis.url(), redis.keyPrefix(), redis.timeout());
  }

  @Bean
  RecentActivity recentActivity(FanShelfProperties properties, ObjectProvider<RedisLink> redis) {
    int capacity = properties.redis().recentActivity();
    RedisLink link = redis.getIfAvailable();
    return link == null
        ? new InMemoryRecentActivity(capacity, IN_MEMORY_ACTIVE_FANS)
        : new RedisRecentActivity(link, capacity);
  }

  /**
   * With Redis, each fan's stored history is read from there first and from the store on a miss.
   * The embedded default reads its store: it is local (a read in this JVM, no round trip), and a
   * copy in memory would cost heap per fan and a second truth to keep in step for little gain. Both
   * count {@code fanshelf.history.reads}.
   */
  @Bean
  StoredHistory storedHistory(
      Indexer indexer,
      FanShelfProperties properties,
      MeterRegistry registry,
      ObjectProvider<RedisLink> redis) {
    RedisLink link = redis.getIfAvailable();
    EventReader events = indexer.store().events();
    if (link == null) {
      Counter reads = RedisHistory.counter(registry, "store");
      return (fan, limit) -> {
        reads.increment();
        return events.recent(fan, limit);
      };
    }
    return new RedisHistory(
        link,
        events,
        properties.ranking().recommenderOptions().historyLimit(),
        properties.redis().historyTtl(),
        registry);
  }

  @Bean
  RateLimiter rateLimiter(ObjectProvider<RedisLink> redis) {
    RedisLink link = redis.getIfAvailable();
    return link == null
        ? new InMemoryRateLimiter()
        : new RedisRateLimiter(link, new InMemoryRateLimiter());
  }

  /** Also goes stale as a whole whenever the ranker changes (a published model). */
  @Bean
  ShelfCache shelfCache(
      FanShelfProperties properties,
      Clock clock,
      MeterRegistry registry,
      Recommender recommender,
      ObjectProvider<RedisLink> redis) {
    RedisLink link = redis.getIfAvailable();
    ShelfCache cache =
        link == null
            ? new InMemoryShelfCache(properties.shelf().cacheTtl(), clock, registry)
            : new RedisShelfCache(
                link,
                STORED_JSON,
                id -> {
                  try {
                    return recommender.signals().catalog().product(id);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                },
                properties.shelf().cacheTtl(),
                clock,
                registry);
    recommender.rankings().onChange(ranker -> cache.invalidateAll());
    return cache;
  }

  /** Label sheets between preview and apply: in Redis, any node may take the apply. */
  @Bean(destroyMethod = "close")
  PendingSheets pendingSheets(Clock clock, ObjectProvider<RedisLink> redis) {
    RedisLink link = redis.getIfAvailable();
    return link == null ? new InMemoryPendingSheets(clock) : new RedisPendingSheets(link);
  }

  /**
   * With a store shared by the nodes, each stored event is new to one node only: the statistics are
   * told to every node through Redis, and start from a shared snapshot kept beside the feed.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnExpression(
      "!'${fanshelf.redis.url:}'.isEmpty() and"
          + " '${fanshelf.store.backend:lucene}'.equalsIgnoreCase('elasticsearch')")
  StatsFeed statsFeed(RedisLink redis, FanShelfProperties properties, Clock clock)
      throws IOException {
    return new RedisStatsFeed(
        redis,
        STORED_JSON,
        properties.redis().streamRetention(),
        clock,
        NodeIdentity.of(properties.apiDir()));
  }

  /**
   * With a store shared by the nodes, the aggregates are counted from one feed by every node and
   * start from a shared snapshot ({@link SharedAggregates}); the indexer starts and closes it.
   */
  @Bean
  @ConditionalOnExpression(
      "!'${fanshelf.redis.url:}'.isEmpty() and"
          + " '${fanshelf.store.backend:lucene}'.equalsIgnoreCase('elasticsearch')")
  SharedAggregates sharedAggregates(RedisLink redis, FanShelfProperties properties, Clock clock)
      throws IOException {
    return new SharedAggregates(
        RedisEventFeed.aggregates(redis, STORED_JSON, properties.redis().streamRetention(), clock),
        new RedisSnapshots(redis, RedisEventFeed.AGGREGATES),
        NodeIdentity.of(properties.apiDir()),
        properties.store().aggregatesSnapshotInterval(),
        properties.dataDir().resolve("aggregates-shared"),
        clock);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("!'${fanshelf.redis.url:}'.isEmpty()")
  StreamBacklog streamBacklog(RedisLink redis, FanShelfProperties properties) throws IOException {
    return new StreamBacklog(redis, consumerGroup(properties));
  }

  @Bean
  @ConditionalOnExpression("!'${fanshelf.redis.url:}'.isEmpty()")
  EventQueue eventQueue(
      RedisLink redis, StreamBacklog backlog, FanShelfProperties properties, Clock clock) {
    return new RedisEventQueue(
        redis,
        STORED_JSON,
        properties.redis().streamRetention(),
        clock,
        backlog::current,
        backlogBound(properties));
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("!'${fanshelf.redis.url:}'.isEmpty()")
  StreamIndexer streamIndexer(RedisLink redis, EventService events, FanShelfProperties properties)
      throws IOException {
    FanShelfProperties.Redis settings = properties.redis();
    // A consumer that died mid-batch holds its entries until claimed: claim them well within the
    // backlog bound, or every write would be refused until then.
    Duration claimIdle =
        settings.backlogMaxAge().isZero()
            ? StreamIndexer.CLAIM_IDLE
            : Collections.min(
                List.of(StreamIndexer.CLAIM_IDLE, settings.backlogMaxAge().dividedBy(2)));
    return new StreamIndexer(
        redis,
        events::store,
        STORED_JSON,
        consumerGroup(properties),
        NodeIdentity.of(properties.apiDir()),
        new StreamIndexer.Options(settings.consumers(), settings.consumerBatch(), claimIdle));
  }

  /**
   * Starts consuming the event stream once the application is ready, after the demo data (an
   * ApplicationRunner) is imported: a node started later with an empty store reads the stream from
   * its start and would otherwise refuse, for good, entries naming products it does not have yet.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void startStreamIndexer(ApplicationReadyEvent ready) {
    ready
        .getApplicationContext()
        .getBeanProvider(StreamIndexer.class)
        .ifAvailable(StreamIndexer::start);
  }

  private static RedisEventQueue.Bound backlogBound(FanShelfProperties properties) {
    return new RedisEventQueue.Bound(
        properties.redis().backlogMaxAge(), properties.redis().backlogMaxEntries());
  }

  /** The group of the configuration, else this node's own: indexer-<node id>. */
  private static String consumerGroup(FanShelfProperties properties) throws IOException {
    String group = properties.redis().consumerGroup();
    return group.isEmpty() ? "indexer-" + NodeIdentity.of(properties.apiDir()) : group;
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("!'${fanshelf.redis.url:}'.isEmpty()")
  ModelBroadcast modelBroadcast(
      RedisLink redis, ModelRegistry registry, ModelWatch watch, FanShelfProperties properties) {
    return new ModelBroadcast(redis, registry, watch, properties.redis().modelPoll());
  }

  @Bean
  @ConditionalOnExpression("!'${fanshelf.redis.url:}'.isEmpty()")
  RedisHealthIndicator redisHealthIndicator(
      RedisLink redis, StreamBacklog backlog, FanShelfProperties properties) {
    return new RedisHealthIndicator(redis, backlog, backlogBound(properties));
  }
}
