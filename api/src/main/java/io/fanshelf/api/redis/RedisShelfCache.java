package io.fanshelf.api.redis;

import io.fanshelf.api.shelf.Shelf;
import io.fanshelf.api.shelf.ShelfCache;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.Reason;
import io.fanshelf.recommender.RecommendedItem;
import io.fanshelf.recommender.Section;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Shelves shared by every API node. One hash per fan ({@code <prefix>shelf:<fan>}, field = owner,
 * expiring {@code ttl} after the last write), so that a label change drops one field and a purchase
 * the whole hash. Owner-wide and global staleness (pins and blocks; a new model) are generation
 * counters ({@code <prefix>gen:o:<owner>}, {@code <prefix>gen:all}) that a cached shelf records
 * when it is ranked: it is served only while both still match, on any node. The generations are
 * read before ranking, so an invalidation during ranking is never lost. Products are stored by id
 * and resolved from the catalog when served, so a price change shows at once.
 *
 * <p>While Redis is unreachable every lookup misses (shelves are ranked fresh) and nothing is
 * cached; when it answers again, the node bumps the global generation first, because the
 * invalidations it could not write meanwhile are lost. Thread-safe.
 */
public final class RedisShelfCache implements ShelfCache {
  private static final Logger LOG = LoggerFactory.getLogger(RedisShelfCache.class);
  private static final String ALL = "gen:all";

  private record CachedItem(
      String product, double score, List<String> sources, List<Reason> reasons, boolean pinned) {}

  private record CachedSection(Section section, List<CachedItem> items) {}

  private record CachedShelf(String ranker, long rankedAtMillis, List<CachedSection> sections) {}

  /** What the cache holds for (owner, fan) and the generations current before ranking. */
  private record Lookup(Optional<Shelf> shelf, String ownerGeneration, String allGeneration) {}

  private final RedisLink redis;
  private final ObjectMapper json;
  private final Function<ProductId, Optional<Product>> products;
  private final Duration ttl;
  private final Clock clock;
  private final Counter hits;
  private final Counter misses;

  public RedisShelfCache(
      RedisLink redis,
      ObjectMapper json,
      Function<ProductId, Optional<Product>> products,
      Duration ttl,
      Clock clock,
      MeterRegistry registry) {
    this.redis = redis;
    this.json = json;
    this.products = products;
    this.ttl = ttl;
    this.clock = clock;
    this.hits = ShelfCache.counter(registry, "hit");
    this.misses = ShelfCache.counter(registry, "miss");
    redis.onRecovered(commands -> commands.incr(redis.key(ALL)));
  }

  @Override
  public Optional<Shelf> get(OwnerId owner, FanId fan) {
    Optional<Shelf> shelf = lookup(owner, fan).flatMap(Lookup::shelf);
    (shelf.isPresent() ? hits : misses).increment();
    return shelf;
  }

  @Override
  public Shelf get(OwnerId owner, FanId fan, Supplier<Shelf> rank) {
    Optional<Lookup> lookup = lookup(owner, fan);
    if (lookup.isPresent() && lookup.get().shelf().isPresent()) {
      hits.increment();
      return lookup.get().shelf().get();
    }
    misses.increment();
    Shelf shelf = rank.get();
    lookup.ifPresent(before -> write(shelf, before.ownerGeneration(), before.allGeneration()));
    return shelf;
  }

  @Override
  public void put(Shelf shelf) {
    lookup(shelf.owner(), shelf.fan())
        .ifPresent(now -> write(shelf, now.ownerGeneration(), now.allGeneration()));
  }

  @Override
  public void invalidate(OwnerId owner, FanId fan) {
    redis.call(commands -> commands.hdel(shelfKey(fan), owner.value()));
  }

  @Override
  public void invalidate(OwnerId owner) {
    redis.call(commands -> commands.incr(ownerGenerationKey(owner)));
  }

  @Override
  public void invalidate(FanId fan) {
    redis.call(commands -> commands.del(shelfKey(fan)));
  }

  @Override
  public void invalidateAll() {
    redis.call(commands -> commands.incr(redis.key(ALL)));
  }

  private Optional<Lookup> lookup(OwnerId owner, FanId fan) {
    Optional<Lookup> found =
        redis.callAsync(
            async -> {
              RedisFuture<String> cached = async.hget(shelfKey(fan), owner.value());
              RedisFuture<List<KeyValue<String, String>>> generations =
                  async.mget(ownerGenerationKey(owner), redis.key(ALL));
              List<KeyValue<String, String>> current = await(generations);
              String ownerGeneration = current.get(0).getValueOrElse("0");
              String allGeneration = current.get(1).getValueOrElse("0");
              return new Lookup(
                  decode(await(cached), owner, fan, ownerGeneration, allGeneration),
                  ownerGeneration,
                  allGeneration);
            });
    return found;
  }

  private void write(Shelf shelf, String ownerGeneration, String allGeneration) {
    String value;
    try {
      value = ownerGeneration + " " + allGeneration + "\n" + json.writeValueAsString(encode(shelf));
    } catch (JacksonException e) {
      LOG.warn("shelf of {} not cached: {}", shelf.fan(), e.getMessage());
      return;
    }
    String key = shelfKey(shelf.fan());
    redis.callAsync(
        async -> {
          RedisFuture<Boolean> set = async.hset(key, shelf.owner().value(), value);
          RedisFuture<Boolean> expire = async.pexpire(key, ttl.toMillis());
          await(set);
          return await(expire);
        });
  }

  private Optional<Shelf> decode(
      String value, OwnerId owner, FanId fan, String ownerGeneration, String allGeneration) {
    if (value == null) {
      return Optional.empty();
    }
    int newline = value.indexOf('\n');
    if (newline < 0 || !value.substring(0, newline).equals(ownerGeneration + " " + allGeneration)) {
      return Optional.empty();
    }
    CachedShelf cached;
    try {
      cached = json.readValue(value.substring(newline + 1), CachedShelf.class);
    } catch (JacksonException e) {
      LOG.warn("cached shelf of {} unreadable, ranking afresh: {}", fan, e.getMessage());
      return Optional.empty();
    }
    Instant rankedAt = Instant.ofEpochMilli(cached.rankedAtMillis());
    if (!clock.instant().isBefore(rankedAt.plus(ttl))) {
      return Optional.empty();
    }
    List<Shelf.ShelfSection> sections = new ArrayList<>();
    for (CachedSection section : cached.sections()) {
      List<RecommendedItem> items = new ArrayList<>();
      for (CachedItem item : section.items()) {
        // A product removed from the catalog since ranking is left out.
        products
            .apply(ProductId.of(item.product()))
            .ifPresent(
                product ->
                    items.add(
                        new RecommendedItem(
                            product,
                            item.score(),
                            new LinkedHashSet<>(item.sources()),
                            item.reasons(),
                            item.pinned())));
      }
      if (!items.isEmpty()) {
        sections.add(new Shelf.ShelfSection(section.section(), items));
      }
    }
    return Optional.of(new Shelf(owner, fan, sections, cached.ranker(), rankedAt));
  }

  private static CachedShelf encode(Shelf shelf) {
    List<CachedSection> sections = new ArrayList<>();
    for (Shelf.ShelfSection section : shelf.sections()) {
      List<CachedItem> items = new ArrayList<>();
      for (RecommendedItem item : section.items()) {
        items.add(
            new CachedItem(
                item.product().id().value(),
                item.score(),
                List.copyOf(item.sources()),
                item.reasons(),
                item.pinned()));
      }
      sections.add(new CachedSection(section.section(), items));
    }
    return new CachedShelf(shelf.ranker(), shelf.rankedAt().toEpochMilli(), sections);
  }

  private <T> T await(RedisFuture<T> future) {
    try {
      return future.get(redis.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new io.lettuce.core.RedisCommandTimeoutException("no answer from Redis in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Redis", e);
    }
  }

  private String shelfKey(FanId fan) {
    return redis.key("shelf:" + fan.value());
  }

  private String ownerGenerationKey(OwnerId owner) {
    return redis.key("gen:o:" + owner.value());
  }
}
