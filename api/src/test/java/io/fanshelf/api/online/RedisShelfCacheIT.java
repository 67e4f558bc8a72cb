package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.api.redis.RedisLink;
import io.fanshelf.api.redis.RedisShelfCache;
import io.fanshelf.api.shelf.Shelf;
import io.fanshelf.api.shelf.ShelfCache;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The contract on the real Redis server, and what only sharing adds. */
class RedisShelfCacheIT extends ShelfCacheContract {
  private final String prefix = RedisTestSupport.prefix();
  private final List<RedisLink> links = new ArrayList<>();

  @Override
  protected ShelfCache create(
      Duration ttl, Clock clock, Function<ProductId, Optional<Product>> products) {
    RedisLink link = RedisTestSupport.link(prefix);
    links.add(link);
    return new RedisShelfCache(
        link, JsonMapper.builder().build(), products, ttl, clock, new SimpleMeterRegistry());
  }

  @AfterEach
  void clean() {
    links.forEach(link -> RedisTestSupport.clean(link, prefix));
  }

  @Test
  void anInvalidationOnOneNodeIsSeenByTheOther() {
    ShelfCache nodeA = create();
    ShelfCache nodeB = create();
    nodeB.put(shelf(LILY, ANN));
    nodeB.put(shelf(MU, BO));
    assertThat(nodeA.get(LILY, ANN)).isPresent();
    nodeA.invalidate(LILY, ANN);
    nodeA.invalidate(MU);
    assertThat(nodeB.get(LILY, ANN)).isEmpty();
    assertThat(nodeB.get(MU, BO)).isEmpty();
  }

  @Test
  void servesCurrentCatalogDataAndLeavesOutRemovedProducts() {
    Product repriced =
        new Product(
            ProductId.of("p1"),
            "保湿面霜",
            List.of("美妆", "面霜"),
            Optional.of("FanShelf"),
            9_900,
            5,
            java.util.Map.of("skin", List.of("干皮")),
            java.util.Set.of("新品"),
            java.time.Instant.parse("2026-10-01T00:00:00Z"),
            Optional.empty(),
            0.1);
    ShelfCache writer = create();
    ShelfCache reader =
        create(
            TTL, clock, id -> id.value().equals("p1") ? Optional.of(repriced) : Optional.empty());
    writer.put(shelf(LILY, ANN));
    Shelf served = reader.get(LILY, ANN).orElseThrow();
    assertThat(served.sections()).hasSize(1);
    assertThat(served.sections().getFirst().items().getFirst().product().priceCents())
        .isEqualTo(9_900);
  }

  @Test
  void missesWithoutErrorsWhileRedisIsUnreachable() {
    RedisLink down = new RedisLink("redis://127.0.0.1:1", prefix, Duration.ofMillis(100));
    try {
      ShelfCache cache =
          new RedisShelfCache(
              down,
              JsonMapper.builder().build(),
              id -> Optional.ofNullable(CATALOG.get(id)),
              TTL,
              clock,
              new SimpleMeterRegistry());
      int[] ranked = {0};
      cache.get(
          LILY,
          ANN,
          () -> {
            ranked[0]++;
            return shelf(LILY, ANN);
          });
      cache.get(
          LILY,
          ANN,
          () -> {
            ranked[0]++;
            return shelf(LILY, ANN);
          });
      cache.invalidate(LILY);
      assertThat(ranked[0]).isEqualTo(2);
    } finally {
      down.close();
    }
  }
}
