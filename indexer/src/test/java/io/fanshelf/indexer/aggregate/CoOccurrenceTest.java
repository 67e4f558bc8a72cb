package io.fanshelf.indexer.aggregate;

import static io.fanshelf.indexer.aggregate.Fixture.T0;
import static io.fanshelf.indexer.aggregate.Fixture.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.ProductId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoOccurrenceTest {
  private static final double EPS = 1e-12;
  private final Fixture fixture = new Fixture();

  private ProductId item(String id) {
    return fixture.product(id, "美妆>护肤", "Lily", 1000);
  }

  @Test
  void pairsAreSymmetricAndBoundedByTheWindow() {
    List<ProductId> p = List.of(item("p1"), item("p2"), item("p3"), item("p4"));
    EventAggregates aggregates =
        fixture.aggregates(AggregateOptions.defaults().withCoOccurrence(2, Duration.ofDays(7), 50));
    for (int i = 0; i < 4; i++) {
      aggregates.add(fixture.event("f1", p.get(i), EventType.VIEW, minutes(i)));
    }

    // views weigh 0.2: each pair adds sqrt(0.2 * 0.2) = 0.2 and each item's W is 0.2
    assertEquals(1.0, aggregates.coOccurrence(p.get(0), p.get(1)), EPS);
    assertEquals(1.0, aggregates.coOccurrence(p.get(0), p.get(2)), EPS);
    assertEquals(0, aggregates.coOccurrence(p.get(0), p.get(3)), "3 positions apart");
    for (ProductId a : p) {
      for (ProductId b : p) {
        assertEquals(aggregates.coOccurrence(a, b), aggregates.coOccurrence(b, a), EPS);
      }
    }
    assertEquals(0, aggregates.coOccurrence(p.get(0), p.get(0)), "an item never pairs itself");
    assertEquals(
        List.of(p.get(0), p.get(2), p.get(3)),
        aggregates.coOccurring(p.get(1), 10).stream().map(ScoredItem::product).toList());
    assertEquals(1, aggregates.coOccurring(p.get(1), 1).size());
  }

  @Test
  void keyedNeighboursAreTheSameListByKey() {
    List<ProductId> p = List.of(item("p1"), item("p2"), item("p3"), item("p4"), item("p5"));
    EventAggregates aggregates =
        fixture.aggregates(AggregateOptions.defaults().withCoOccurrence(3, Duration.ofDays(7), 50));
    for (int i = 0; i < 12; i++) {
      aggregates.add(fixture.event("f" + i % 3, p.get(i * 7 % 5), EventType.PURCHASE, minutes(i)));
    }
    for (ProductId product : p) {
      for (int k : new int[] {1, 2, 10}) {
        List<ScoredItem> byId = aggregates.coOccurring(product, k);
        KeyedScores byKey = aggregates.coOccurring(aggregates.productKey(product), k);
        assertEquals(byId.size(), byKey.size());
        for (int i = 0; i < byId.size(); i++) {
          assertEquals(byId.get(i).product(), aggregates.productId(byKey.key(i)));
          assertEquals(byId.get(i).score(), byKey.score(i), EPS);
        }
      }
    }
    assertEquals(0, aggregates.coOccurring(-1, 5).size(), "no key, no neighbours");
    assertEquals(0, aggregates.coOccurring(aggregates.productKeys(), 5).size(), "unknown key");
  }

  @Test
  void eventsFurtherApartThanTheMaxGapDoNotPair() {
    ProductId a = item("a");
    ProductId b = item("b");
    ProductId c = item("c");
    EventAggregates aggregates =
        fixture.aggregates(
            AggregateOptions.defaults().withCoOccurrence(10, Duration.ofHours(1), 50));
    aggregates.add(fixture.event("f1", a, EventType.PURCHASE, T0));
    aggregates.add(fixture.event("f1", b, EventType.PURCHASE, minutes(60)));
    aggregates.add(fixture.event("f1", c, EventType.PURCHASE, minutes(61)));

    assertEquals(1.0, aggregates.coOccurrence(a, b), EPS);
    assertEquals(1.0, aggregates.coOccurrence(b, c), EPS);
    assertEquals(0, aggregates.coOccurrence(a, c));
  }

  @Test
  void normalisationKeepsBlockbustersFromCrowdingOutSpecificNeighbours() {
    ProductId blockbuster = item("blockbuster");
    ProductId x = item("x");
    ProductId niche = item("niche");
    EventAggregates aggregates = fixture.aggregates(AggregateOptions.defaults());
    for (int fan = 0; fan < 16; fan++) {
      aggregates.add(fixture.event("other" + fan, blockbuster, EventType.PURCHASE, minutes(fan)));
    }
    aggregates.add(fixture.event("f1", x, EventType.PURCHASE, minutes(100)));
    aggregates.add(fixture.event("f1", blockbuster, EventType.PURCHASE, minutes(101)));
    aggregates.add(fixture.event("f2", x, EventType.VIEW, minutes(100)));
    aggregates.add(fixture.event("f2", niche, EventType.PURCHASE, minutes(102)));

    // W(x) = 1.2, W(blockbuster) = 17, W(niche) = 1
    assertEquals(1 / Math.sqrt(1.2 * 17), aggregates.coOccurrence(x, blockbuster), EPS);
    assertEquals(Math.sqrt(0.2) / Math.sqrt(1.2), aggregates.coOccurrence(x, niche), EPS);
    assertEquals(
        List.of(niche, blockbuster),
        aggregates.coOccurring(x, 5).stream().map(ScoredItem::product).toList());
  }

  @Test
  void neighbourListsArePrunedAndPairScoresStaySymmetric() {
    ProductId hub = item("hub");
    EventAggregates aggregates =
        fixture.aggregates(AggregateOptions.defaults().withCoOccurrence(1, Duration.ofDays(1), 2));
    List<ProductId> spokes = new ArrayList<>();
    int fan = 0;
    for (int i = 1; i <= 10; i++) {
      ProductId spoke = item("spoke" + (char) ('a' + i));
      spokes.add(spoke);
      for (int j = 0; j < i; j++, fan++) {
        aggregates.add(fixture.event("f" + fan, hub, EventType.PURCHASE, minutes(2 * fan)));
        aggregates.add(fixture.event("f" + fan, spoke, EventType.PURCHASE, minutes(2 * fan + 1)));
      }
    }

    List<ScoredItem> neighbours = aggregates.coOccurring(hub, 100);
    assertTrue(neighbours.size() < 4, "at most 2 * neighbours - 1 kept, got " + neighbours);
    assertEquals(spokes.get(9), neighbours.get(0).product());
    assertTrue(aggregates.stats().neighbourEntries() <= 3 + 10, aggregates.stats().toString());
    // the hub forgot the first spoke, the spoke did not: the pair score uses the spoke's count
    double w = 55; // the hub was bought 55 times
    assertEquals(1 / Math.sqrt(w), aggregates.coOccurrence(hub, spokes.get(0)), EPS);
    assertEquals(1 / Math.sqrt(w), aggregates.coOccurrence(spokes.get(0), hub), EPS);
  }

  @Test
  void aLateEventOlderThanTheRememberedHistoryIsNotPaired() {
    List<ProductId> p = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      p.add(item("p" + i));
    }
    // window 1 remembers 4 events per fan
    EventAggregates aggregates =
        fixture.aggregates(AggregateOptions.defaults().withCoOccurrence(1, Duration.ofDays(1), 50));
    for (int i = 1; i < 7; i++) {
      aggregates.add(fixture.event("f1", p.get(i), EventType.PURCHASE, minutes(i)));
    }
    aggregates.add(fixture.event("f1", p.get(0), EventType.PURCHASE, T0));

    assertEquals(0, aggregates.coOccurrence(p.get(0), p.get(1)));
    assertEquals(1.0, aggregates.popularity(p.get(0), T0), EPS);
    assertEquals(1, aggregates.stats().lateEventsUnpaired());
  }

  @Test
  void arrivalOrderDoesNotChangeTheAggregates() {
    Random random = new Random(42);
    List<ProductId> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      items.add(fixture.product("p" + i, "美妆>品类" + (i % 4), "brand" + (i % 3), 500 + 100 * i));
    }
    EventType[] types = EventType.values();
    List<Event> events = new ArrayList<>();
    for (int fan = 0; fan < 30; fan++) {
      fixture.member("shop-" + (fan % 3), "f" + fan, "skin_type", fan % 2 == 0 ? "oily" : "dry");
      // at most 12 positive events: window 3 remembers 12, so every late event pairs exactly
      int count = 1 + random.nextInt(12);
      for (int i = 0; i < count; i++) {
        EventType type = types[1 + random.nextInt(types.length - 2)]; // no impression, no rating
        events.add(
            fixture.event(
                "f" + fan, items.get(random.nextInt(20)), type, minutes(random.nextInt(600))));
      }
      events.add(fixture.event("f" + fan, items.get(0), EventType.IMPRESSION, minutes(5)));
    }
    AggregateOptions options =
        AggregateOptions.defaults().withCoOccurrence(3, Duration.ofHours(2), 1000);
    List<Event> inOrder = new ArrayList<>(events);
    inOrder.sort((a, b) -> a.time().compareTo(b.time()));
    List<Event> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, random);

    EventAggregates ordered = fixture.aggregates(options);
    inOrder.forEach(ordered::add);
    EventAggregates scrambled = fixture.aggregates(options);
    shuffled.forEach(scrambled::add);

    Fixture.assertSameValues(
        fixture.snapshot(ordered, minutes(600)), fixture.snapshot(scrambled, minutes(600)));
    assertEquals(0, scrambled.stats().lateEventsUnpaired());
    Map<String, Double> expected = bruteForce(events, 3, Duration.ofHours(2).toMillis());
    for (ProductId a : items) {
      for (ProductId b : items) {
        double want = expected.getOrDefault(a + " " + b, 0.0);
        assertEquals(want, scrambled.coOccurrence(a, b), 1e-9, a + " " + b);
      }
    }
  }

  @Test
  void lateEventsWithinTheHistoryPairExactlyEvenAfterOlderOnesWereForgotten() {
    List<ProductId> items = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      items.add(item("p" + i));
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      events.add(fixture.event("f1", items.get((i * 7) % 6), EventType.VIEW, minutes(i)));
    }
    List<Event> swapped = new ArrayList<>(events);
    for (int i = 0; i + 1 < swapped.size(); i += 3) {
      Collections.swap(swapped, i, i + 1); // one position late: within the 8 remembered
    }
    EventAggregates aggregates =
        fixture.aggregates(AggregateOptions.defaults().withCoOccurrence(2, Duration.ofDays(1), 50));
    swapped.forEach(aggregates::add);

    Map<String, Double> expected = bruteForce(events, 2, Duration.ofDays(1).toMillis());
    for (ProductId a : items) {
      for (ProductId b : items) {
        assertEquals(expected.getOrDefault(a + " " + b, 0.0), aggregates.coOccurrence(a, b), 1e-9);
      }
    }
    assertEquals(0, aggregates.stats().lateEventsUnpaired());
  }

  /** The documented definition computed directly from each fan's time-ordered positive events. */
  private static Map<String, Double> bruteForce(List<Event> events, int window, long maxGap) {
    Map<String, List<Event>> byFan = new HashMap<>();
    Map<ProductId, Double> weights = new HashMap<>();
    for (Event event : events) {
      double w = Fixture.POLICY.weight(event);
      if (w > 0) {
        byFan.computeIfAbsent(event.fan().value(), f -> new ArrayList<>()).add(event);
        weights.merge(event.product(), w, Double::sum);
      }
    }
    Map<String, Double> counts = new HashMap<>();
    for (List<Event> sequence : byFan.values()) {
      sequence.sort(
          (a, b) -> {
            int order = a.time().compareTo(b.time());
            order = order != 0 ? order : a.product().compareTo(b.product());
            return order != 0
                ? order
                : Double.compare(Fixture.POLICY.weight(a), Fixture.POLICY.weight(b));
          });
      for (int j = 0; j < sequence.size(); j++) {
        for (int i = Math.max(0, j - window); i < j; i++) {
          Event a = sequence.get(i);
          Event b = sequence.get(j);
          long gap = Math.abs(a.time().toEpochMilli() - b.time().toEpochMilli());
          if (!a.product().equals(b.product()) && gap <= maxGap) {
            double c = Math.sqrt(Fixture.POLICY.weight(a) * Fixture.POLICY.weight(b));
            counts.merge(a.product() + " " + b.product(), c, Double::sum);
            counts.merge(b.product() + " " + a.product(), c, Double::sum);
          }
        }
      }
    }
    Map<String, Double> scores = new HashMap<>();
    counts.forEach(
        (pair, c) -> {
          String[] ids = pair.split(" ");
          double wa = weights.get(ProductId.of(ids[0]));
          double wb = weights.get(ProductId.of(ids[1]));
          scores.put(pair, c / Math.sqrt(wa * wb));
        });
    return scores;
  }
}
