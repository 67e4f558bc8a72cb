package io.fanshelf.api.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanshelf.api.shelf.Shelf;
import io.fanshelf.api.shelf.ShelfCache;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.recommender.Reason;
import io.fanshelf.recommender.RecommendedItem;
import io.fanshelf.recommender.Section;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What every {@link ShelfCache} must do; run on the in-memory and the Redis one. */
abstract class ShelfCacheContract {
  static final Duration TTL = Duration.ofSeconds(30);
  static final OwnerId LILY = OwnerId.of("shop-lily");
  static final OwnerId MU = OwnerId.of("shop-mu");
  static final FanId ANN = FanId.of("fan-ann");
  static final FanId BO = FanId.of("fan-bo");
  static final Map<ProductId, Product> CATALOG =
      Map.of(
          ProductId.of("p1"), product("p1", "保湿面霜"),
          ProductId.of("p2"), product("p2", "Linen cushion"));

  /** The clock the cache reads; tests move it. */
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00.123Z"));

  /** A fresh cache keeping shelves for {@link #TTL}, resolving products from {@code products}. */
  protected abstract ShelfCache create(
      Duration ttl, Clock clock, Function<ProductId, Optional<Product>> products);

  protected ShelfCache create() {
    return create(TTL, clock, id -> Optional.ofNullable(CATALOG.get(id)));
  }

  static Product product(String id, String title) {
    return new Product(
        ProductId.of(id),
        title,
        List.of("美妆", "面霜"),
        Optional.of("FanShelf"),
        12_900,
        5,
        Map.of("skin", List.of("干皮")),
        Set.of("新品"),
        Instant.parse("2026-10-01T00:00:00Z"),
        Optional.empty(),
        0.1);
  }

  Shelf shelf(OwnerId owner, FanId fan) {
    return new Shelf(
        owner,
        fan,
        List.of(
            new Shelf.ShelfSection(
                Section.FOR_YOU,
                List.of(
                    new RecommendedItem(
                        CATALOG.get(ProductId.of("p1")),
                        0.75,
                        Set.of("label-match"),
                        List.of(new Reason(Reason.Kind.LABEL_MATCH, List.of("干皮", "dry skin"))),
                        true))),
            new Shelf.ShelfSection(
                Section.NEW_ARRIVALS,
                List.of(
                    new RecommendedItem(
                        CATALOG.get(ProductId.of("p2")),
                        0.5,
                        Set.of("new-arrivals"),
                        List.of(),
                        false)))),
        "heuristic",
        clock.instant());
  }

  @Test
  void missesThenHitsTheSameShelf() {
    ShelfCache cache = create();
    assertThat(cache.get(LILY, ANN)).isEmpty();
    Shelf shelf = shelf(LILY, ANN);
    cache.put(shelf);
    assertThat(cache.get(LILY, ANN)).contains(shelf);
    assertThat(cache.get(MU, ANN)).isEmpty();
  }

  @Test
  void ranksOnceWhileFresh() {
    ShelfCache cache = create();
    AtomicInteger ranked = new AtomicInteger();
    Shelf first = cache.get(LILY, ANN, () -> countAndRank(ranked, LILY, ANN));
    Shelf second = cache.get(LILY, ANN, () -> countAndRank(ranked, LILY, ANN));
    assertThat(ranked).hasValue(1);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void goesStaleAfterItsTimeToLive() {
    ShelfCache cache = create();
    cache.put(shelf(LILY, ANN));
    clock.advance(TTL.plusMillis(1));
    assertThat(cache.get(LILY, ANN)).isEmpty();
  }

  @Test
  void oneFansShelfOfOneOwnerGoesStale() {
    ShelfCache cache = create();
    cache.put(shelf(LILY, ANN));
    cache.put(shelf(MU, ANN));
    cache.put(shelf(LILY, BO));
    cache.invalidate(LILY, ANN);
    assertThat(cache.get(LILY, ANN)).isEmpty();
    assertThat(cache.get(MU, ANN)).isPresent();
    assertThat(cache.get(LILY, BO)).isPresent();
  }

  @Test
  void everyShelfOfAnOwnerGoesStale() {
    ShelfCache cache = create();
    cache.put(shelf(LILY, ANN));
    cache.put(shelf(LILY, BO));
    cache.put(shelf(MU, ANN));
    cache.invalidate(LILY);
    assertThat(cache.get(LILY, ANN)).isEmpty();
    assertThat(cache.get(LILY, BO)).isEmpty();
    assertThat(cache.get(MU, ANN)).isPresent();
    cache.put(shelf(LILY, ANN)); // ranked after the change: served again
    assertThat(cache.get(LILY, ANN)).isPresent();
  }

  @Test
  void everyShelfOfAFanGoesStale() {
    ShelfCache cache = create();
    cache.put(shelf(LILY, ANN));
    cache.put(shelf(MU, ANN));
    cache.put(shelf(LILY, BO));
    cache.invalidate(ANN);
    assertThat(cache.get(LILY, ANN)).isEmpty();
    assertThat(cache.get(MU, ANN)).isEmpty();
    assertThat(cache.get(LILY, BO)).isPresent();
  }

  @Test
  void everythingGoesStale() {
    ShelfCache cache = create();
    cache.put(shelf(LILY, ANN));
    cache.put(shelf(MU, BO));
    cache.invalidateAll();
    assertThat(cache.get(LILY, ANN)).isEmpty();
    assertThat(cache.get(MU, BO)).isEmpty();
  }

  @Test
  void anInvalidationWhileRankingIsNotLost() {
    ShelfCache cache = create();
    cache.get(
        LILY,
        ANN,
        () -> {
          Shelf ranked = shelf(LILY, ANN);
          cache.invalidate(LILY); // a pin changes while this shelf is being ranked
          return ranked;
        });
    assertThat(cache.get(LILY, ANN)).isEmpty();
  }

  private Shelf countAndRank(AtomicInteger ranked, OwnerId owner, FanId fan) {
    ranked.incrementAndGet();
    return shelf(owner, fan);
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
