package io.fanshelf.indexer.aggregate;

import static io.fanshelf.indexer.aggregate.Fixture.T0;
import static io.fanshelf.indexer.aggregate.Fixture.days;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventAggregatesTest {
  private static final double EPS = 1e-12;
  private final Fixture fixture = new Fixture();
  private final ProductId cream = fixture.product("cream", "美妆>护肤>面霜", "Lily", 10_000);
  private final ProductId lipstick = fixture.product("lipstick", "美妆>彩妆", "Rose", 40_000);
  private final ProductId box = fixture.product("box", "家居>收纳", null, 0);

  @Test
  void popularityHalvesEveryHalfLife() {
    EventAggregates aggregates = fixture.aggregates(AggregateOptions.defaults());
    aggregates.add(fixture.event("f1", cream, EventType.PURCHASE, T0));
    aggregates.add(fixture.event("f2", cream, EventType.VIEW, days(14)));

    // purchase 1.0 halved once, plus a fresh view 0.2
    assertEquals(0.7, aggregates.popularity(cream, days(14)), EPS);
    assertEquals(0.25 + 0.1, aggregates.popularity(cream, days(28)), EPS);
    // before the view happened the view still counts (grown), as forward decay defines it
    assertEquals(1 + 0.2 * 2, aggregates.popularity(cream, T0), EPS);
    assertEquals(0, aggregates.popularity(lipstick, days(14)));
  }

  @Test
  void productTotalsReadWhatTheSingleReadersDo() {
    EventAggregates aggregates = fixture.aggregates(AggregateOptions.defaults());
    aggregates.add(fixture.event("f1", cream, EventType.PURCHASE, T0));
    aggregates.add(fixture.event("f2", cream, EventType.VIEW, days(14)));
    aggregates.add(fixture.event("f2", lipstick, EventType.PURCHASE, days(3)));
    aggregates.add(fixture.event("f2", lipstick, EventType.PURCHASE, days(5)));
    ProductId unseen = ProductId.of("never-seen");
    List<ProductId> products = List.of(cream, lipstick, box, unseen);
    // more than one block of products per read
    int count = 10_001;
    double[] popularity = new double[count];
    double[] allTimeWeight = new double[count];
    double[] reach = new double[count];
    aggregates.productTotals(
        count, i -> products.get(i % 4), days(20), popularity, allTimeWeight, reach);
    for (int i = 0; i < count; i++) {
      ProductId product = products.get(i % 4);
      assertEquals(aggregates.popularity(product, days(20)), popularity[i]);
      assertEquals(aggregates.allTimeWeight(product), allTimeWeight[i]);
      assertEquals(aggregates.reach(product), reach[i]);
    }
    assertEquals(2, allTimeWeight[1], EPS);
    assertEquals(0, popularity[3]);
  }

  @Test
  void trendIsTheShortRateOverTheLongRate() {
    EventAggregates aggregates = fixture.aggregates(AggregateOptions.defaults());
    aggregates.add(fixture.event("f1", cream, EventType.PURCHASE, T0));
    aggregates.add(fixture.event("f2", cream, EventType.VIEW, days(14)));

    // long: 1 * 2^-1 + 0.2 = 0.7; short (2 days): 1 * 2^-7 + 0.2 = 0.2078125;
    // rates divide by tau, and tau_long / tau_short = 14 / 2.
    assertEquals(0.2078125 / 0.7 * 7, aggregates.trend(cream, days(14)), 1e-9);
    // one event just now: short and long sums are equal, so the ratio of taus
    aggregates.add(fixture.event("f1", lipstick, EventType.CART, days(20)));
    assertEquals(7, aggregates.trend(lipstick, days(20)), 1e-9);
    assertEquals(0, aggregates.trend(box, days(20)));
    // read ten years before the events, where the two decays are capped differently: the ratio
    // stays within what exact arithmetic allows (it was astronomically large, then Infinity as a
    // float feature, and the logistic ranker refused it)
    assertEquals(7, aggregates.trend(lipstick, T0.minus(java.time.Duration.ofDays(3650))), 1e-9);
  }

  @Test
  void popularListsBestFirstUpToTheLeaderboardSize() {
    EventAggregates aggregates =
        fixture.aggregates(AggregateOptions.defaults().withLeaderboardSize(2));
    aggregates.add(fixture.event("f1", box, EventType.VIEW, T0));
    aggregates.add(fixture.event("f1", cream, EventType.PURCHASE, T0));
    aggregates.add(fixture.event("f1", lipstick, EventType.CART, T0));

    List<ScoredItem> top = aggregates.popular(10, T0);
    assertEquals(List.of(new ScoredItem(cream, 1.0), new ScoredItem(lipstick, 0.6)), top);
    assertEquals(List.of(new ScoredItem(cream, 0.5)), aggregates.popular(1, days(14)));
    assertEquals(top, named(aggregates, aggregates.popularKeys(10, T0)));
    assertEquals(aggregates.mostReached(3), named(aggregates, aggregates.mostReachedKeys(3)));
    // the box is off the board but still has a score
    assertEquals(0.2, aggregates.popularity(box, T0), EPS);
    assertThrows(IllegalArgumentException.class, () -> aggregates.popular(0, T0));
  }

  @Test
  void reachCountsEachFanOnceAtTheirLargestWeight() {
    EventAggregates aggregates = fixture.aggregates(AggregateOptions.defaults());
    // one household buys the cream five times; two others buy the lipstick once each
    for (int i = 0; i < 5; i++) {
      aggregates.add(fixture.event("f1", cream, EventType.PURCHASE, days(i)));
    }
    aggregates.add(fixture.event("f2", lipstick, EventType.PURCHASE, T0));
    aggregates.add(fixture.event("f3", lipstick, EventType.PURCHASE, T0));
    // a view (0.2) then a purchase (1) by the same fan: the purchase's weight, once
    aggregates.add(fixture.event("f4", box, EventType.VIEW, T0));
    aggregates.add(fixture.event("f4", box, EventType.PURCHASE, days(1)));
    aggregates.add(fixture.event("f4", box, EventType.VIEW, days(2)));

    assertEquals(1, aggregates.reach(cream), EPS);
    assertEquals(2, aggregates.reach(lipstick), EPS);
    assertEquals(1, aggregates.reach(box), EPS);
    assertEquals(lipstick, aggregates.mostReached(1).getFirst().product());
    // the decayed popularity still counts every purchase
    assertTrue(aggregates.popularity(cream, T0) > aggregates.popularity(lipstick, T0));
  }

  @Test
  void popularAmongFansCountsOnlyThatOwnersFans() {
    fixture.member("shop-a", "f1");
    fixture.member("shop-a", "f2");
    fixture.member("shop-b", "f2");
    EventAggregates aggregates = fixture.aggregates(AggregateOptions.defaults());
    aggregates.add(fixture.event("f1", cream, EventType.PURCHASE, T0));
    aggregates.add(fixture.event("f2", lipstick, EventType.PURCHASE, T0));
    aggregates.add(fixture.event("f3", box, EventType.PURCHASE, T0));
    aggregates.add(fixture.event("f3", cream, EventType.PURCHASE, T0));

    OwnerId a = OwnerId.of("shop-a");
    OwnerId b = OwnerId.of("shop-b");
    assertEquals(
        List.of(new ScoredItem(cream, 1.0), new ScoredItem(lipstick, 1.0)),
        aggregates.popularAmongFansOf(a, 10, T0));
    assertEquals(List.of(new ScoredItem(lipstick, 1.0)), aggregates.popularAmongFansOf(b, 10, T0));
    assertEquals(List.of(), aggregates.popularAmongFansOf(OwnerId.of("shop-c"), 10, T0));
    assertEquals(
        aggregates.popularAmongFansOf(a, 10, T0),
        named(aggregates, aggregates.popularAmongFansOfKeys(a, 10, T0)));
    assertEquals(0, aggregates.popularAmongFansOfKeys(OwnerId.of("shop-c"), 10, T0).size());
    assertEquals(2.0, aggregates.popularity(cream, T0), EPS);
    assertEquals(0.5, aggregates.popularityAmongFansOf(a, cream, days(14)), EPS);
    assertEquals(0, aggregates.popularityAmongFansOf(b, box, T0));
    for (OwnerId owner : List.of(a, b, OwnerId.of("shop-c"))) {
      EventAggregates.OwnerView view = aggregates.ownerView(owner, days(3));
      for (ProductId product : List.of(cream, lipstick, box)) {
        EventAggregates.OwnerProductSignals together = view.signals(aggregates.productKey(product));
        assertEquals(
            aggregates.popularityAmongFansOf(owner, product, days(3)),
            together.popularityAmongFans(),
            EPS);
        assertEquals(aggregates.trend(product, days(3)), together.trend(), EPS);
      }
      int[] keys = {
        aggregates.productKey(box),
        -1,
        aggregates.productKey(cream),
        aggregates.productKey(lipstick)
      };
      double[] amongFans = new double[keys.length];
      double[] trends = new double[keys.length];
      view.read(keys, amongFans, trends);
      for (int i = 0; i < keys.length; i++) {
        assertEquals(view.signals(keys[i]).popularityAmongFans(), amongFans[i], EPS);
        assertEquals(view.signals(keys[i]).trend(), trends[i], EPS);
      }
    }
  }

  @Test
  void impressionsAndOtherNonPositiveEventsChangeNothing() {
    fixture.member("shop-a", "f1", "skin_type", "oily");
    EventAggregates aggregates = fixture.aggregates(AggregateOptions.defaults());
    aggregates.add(fixture.event("f1", cream, EventType.PURCHASE, T0));
    aggregates.add(fixture.event("f1", lipstick, EventType.VIEW, days(1)));
    Map<String, Double> before = fixture.snapshot(aggregates, days(2));
    AggregateStats statsBefore = aggregates.stats();

    aggregates.add(fixture.event("f1", box, EventType.IMPRESSION, days(1)));
    aggregates.add(fixture.event("f2", cream, EventType.IMPRESSION, days(1)));
    aggregates.add(Fixture.rating("r1", "f1", box, 3.5, days(1))); // below the minimum of 4

    assertEquals(before, fixture.snapshot(aggregates, days(2)));
    AggregateStats statsAfter = aggregates.stats();
    assertEquals(statsBefore.eventsSeen() + 3, statsAfter.eventsSeen());
    assertEquals(
        statsBefore,
        new AggregateStats(
            statsBefore.eventsSeen(),
            statsAfter.positiveEvents(),
            statsAfter.eventsWithoutProduct(),
            statsAfter.lateEventsUnpaired(),
            statsAfter.products(),
            statsAfter.fans(),
            statsAfter.owners(),
            statsAfter.neighbourEntries(),
            statsAfter.categoryKeys(),
            statsAfter.labelValues()));
  }

  @Test
  void affinitiesDecayPerCategoryLevelAndBrandWithTheTypicalPrice() {
    EventAggregates aggregates = fixture.aggregates(AggregateOptions.defaults());
    aggregates.add(fixture.event("f1", cream, EventType.PURCHASE, T0));
    aggregates.add(fixture.event("f1", lipstick, EventType.PURCHASE, days(30)));
    aggregates.add(fixture.event("f1", box, EventType.IMPRESSION, days(30)));

    FanAffinity affinity = aggregates.affinity(FanId.of("f1"), days(30)).orElseThrow();
    // 30-day half-life: the cream purchase counts 0.5, the lipstick purchase 1.0
    assertEquals(
        List.of("美妆", "美妆>彩妆", "美妆>护肤", "美妆>护肤>面霜"), List.copyOf(affinity.categories().keySet()));
    assertEquals(1.5, affinity.categories().get("美妆"), EPS);
    assertEquals(0.5, affinity.categories().get("美妆>护肤"), EPS);
    assertEquals(0.5, affinity.categories().get("美妆>护肤>面霜"), EPS);
    assertEquals(1.0, affinity.categories().get("美妆>彩妆"), EPS);
    assertEquals(Map.of("Rose", 1.0, "Lily", 0.5), affinity.brands());
    assertEquals(1.5, affinity.totalWeight(), EPS);
    assertEquals(2, affinity.positiveEvents());
    assertEquals(1.0 / 3, affinity.categoryShare("美妆>护肤"), EPS);
    assertEquals(0, affinity.brandShare("Nobody"));
    // weighted geometric mean of 100.00 (weight 1/3) and 400.00 (weight 2/3): 100 * 4^(2/3)
    assertEquals(
        Math.round(10_000 * Math.pow(4, 2.0 / 3)), affinity.typicalPriceCents().orElseThrow());
    // the log prices differ by ln 4; weighted std dev = ln 4 * sqrt(1/3 * 2/3)
    assertEquals(Math.log(4) * Math.sqrt(2.0 / 9), affinity.logPriceSpread(), 1e-9);
    assertTrue(aggregates.affinity(FanId.of("nobody"), T0).isEmpty());
  }

  @Test
  void freeProductsAreLeftOutOfThePrice() {
    EventAggregates aggregates = fixture.aggregates(AggregateOptions.defaults());
    aggregates.add(fixture.event("f1", box, EventType.PURCHASE, T0));
    FanAffinity affinity = aggregates.affinity(FanId.of("f1"), T0).orElseThrow();
    assertTrue(affinity.typicalPriceCents().isEmpty());
    assertEquals(Map.of("家居", 1.0, "家居>收纳", 1.0), affinity.categories());
    assertEquals(Map.of(), affinity.brands());
  }

  @Test
  void anUnknownProductCountsForPopularityButNotForCategories() {
    fixture.member("shop-a", "f1", "skin_type", "oily");
    EventAggregates aggregates = fixture.aggregates(AggregateOptions.defaults());
    ProductId gone = ProductId.of("gone");
    aggregates.add(fixture.event("f1", gone, EventType.PURCHASE, T0));
    aggregates.add(fixture.event("f1", cream, EventType.PURCHASE, T0));

    assertEquals(1.0, aggregates.popularity(gone, T0), EPS);
    assertEquals(1.0, aggregates.coOccurrence(gone, cream), EPS);
    FanAffinity affinity = aggregates.affinity(FanId.of("f1"), T0).orElseThrow();
    assertEquals(2, affinity.positiveEvents());
    assertEquals(0.5, affinity.categoryShare("美妆"), 1e-9);
    assertEquals(1, aggregates.lift("skin_type", "oily", "美妆").valueEvents());
    AggregateStats stats = aggregates.stats();
    assertEquals(1, stats.eventsWithoutProduct());
    assertEquals(2, stats.positiveEvents());
    assertEquals(2, stats.products());
    assertEquals(1, stats.fans());
    assertEquals(1, stats.owners());
    assertEquals(2, stats.neighbourEntries());
    assertEquals(3, stats.categoryKeys());
    assertEquals(1, stats.labelValues());
  }

  @Test
  void movingTheLandmarkKeepsEveryValue() {
    // A one-minute trend half-life moves the landmark after about 400 * 87 s = 9.6 hours.
    AggregateOptions options =
        AggregateOptions.defaults()
            .withHalfLives(Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofHours(12));
    EventAggregates aggregates = fixture.aggregates(options);
    EventAggregates.OwnerView madeBeforeTheMoves =
        aggregates.ownerView(OwnerId.of("shop-a"), days(9).plusSeconds(60));
    for (int day = 0; day < 10; day++) {
      aggregates.add(fixture.event("f1", cream, EventType.PURCHASE, days(day)));
    }
    aggregates.add(fixture.event("f1", lipstick, EventType.PURCHASE, days(9.5)));

    double expected = 0;
    for (int day = 0; day < 10; day++) {
      expected += Math.pow(0.5, 10 - day);
    }
    // Without the landmark move, exp((t - L) / tau) would overflow to infinity after 9 days.
    assertEquals(expected, aggregates.popularity(cream, days(10)), 1e-12);
    // One minute after the last cream purchase: short sum 1/2, long rate over short rate by
    // tau_long / tau_short = 24 h / 1 min.
    Instant justAfter = days(9).plusSeconds(60);
    double longSum = 0;
    for (int day = 0; day < 10; day++) {
      longSum += Math.pow(0.5, (9 - day) + 1.0 / (24 * 60));
    }
    assertEquals(0.5 / longSum * 24 * 60, aggregates.trend(cream, justAfter), 1e-9);
    assertEquals(
        0.5 / longSum * 24 * 60,
        madeBeforeTheMoves.signals(aggregates.productKey(cream)).trend(),
        1e-9,
        "a view made before the landmark moved reads with the current landmark");
    FanAffinity affinity = aggregates.affinity(FanId.of("f1"), days(10)).orElseThrow();
    double creamAffinity = 0;
    for (int day = 0; day < 10; day++) {
      creamAffinity += Math.pow(0.5, 2 * (10 - day));
    }
    assertEquals(creamAffinity, affinity.categories().get("美妆>护肤"), 1e-12);
    assertEquals(creamAffinity + 0.5, affinity.categories().get("美妆"), 1e-12);
    assertEquals(
        List.of(cream, lipstick),
        aggregates.popular(2, days(10)).stream().map(ScoredItem::product).toList());
  }

  /** A keyed list as the id-based one says it. */
  private static List<ScoredItem> named(EventAggregates aggregates, KeyedScores keyed) {
    List<ScoredItem> items = new ArrayList<>();
    for (int i = 0; i < keyed.size(); i++) {
      items.add(new ScoredItem(aggregates.productId(keyed.key(i)), keyed.score(i)));
    }
    return items;
  }
}
