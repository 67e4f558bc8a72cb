package io.fanshelf.indexer.aggregate;

import static io.fanshelf.indexer.aggregate.Fixture.POLICY;
import static io.fanshelf.indexer.aggregate.Fixture.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebuildTest {
  private static final AggregateOptions OPTIONS = AggregateOptions.defaults();
  private final Fixture fixture = new Fixture();
  private final List<Event> events = new ArrayList<>();

  @TempDir Path dataDir;

  /** 12 products, 20 fans of 3 owners with labels, about 200 events in shuffled order. */
  @BeforeEach
  void createData() {
    Random random = new Random(3);
    String[] categories = {"美妆>护肤>面霜", "美妆>彩妆", "家居>收纳", "食品>花茶"};
    List<ProductId> products = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String brand = i % 3 == 0 ? null : "brand" + (i % 3);
      products.add(fixture.product("p" + i, categories[i % 4], brand, 990L * (i + 1)));
    }
    EventType[] types = EventType.values();
    for (int fan = 0; fan < 20; fan++) {
      String[] labels = fan % 4 == 3 ? new String[0] : new String[] {"skin_type", "oily", "dry"};
      fixture.member("shop-" + (fan % 3), "f" + fan, labels);
      if (fan % 5 == 0) {
        fixture.member("shop-" + ((fan + 1) % 3), "f" + fan, "skin_type", "sensitive");
      }
      int count = 3 + random.nextInt(12);
      for (int i = 0; i < count; i++) {
        EventType type = types[random.nextInt(types.length - 1)]; // not rating
        Instant time = minutes(random.nextInt(60 * 24 * 20));
        events.add(fixture.event("f" + fan, products.get(random.nextInt(12)), type, time));
      }
      events.add(
          Fixture.rating("rating" + fan, "f" + fan, products.get(fan % 12), 4.5, minutes(7)));
    }
    Collections.shuffle(events, random);
  }

  private void store(LuceneBackend backend) throws IOException {
    store(backend, events);
  }

  private void store(LuceneBackend backend, List<Event> log) throws IOException {
    backend.catalog().upsert(List.copyOf(fixture.products.values()));
    List<Fan> fans = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    for (List<FanProfile> profiles : fixture.profiles.values()) {
      for (FanProfile profile : profiles) {
        fans.add(profile.fan());
        labels.addAll(profile.labels().values());
      }
    }
    backend.fans().upsertFans(fans);
    backend.fans().setLabels(labels);
    int half = log.size() / 2;
    backend.events().append(log.subList(0, half), event -> {});
    backend.events().append(log.subList(half, log.size()), event -> {});
  }

  @Test
  void rebuildingFromTheLuceneLogEqualsAddingEventByEvent() throws IOException {
    EventAggregates incremental = fixture.aggregates(OPTIONS);
    List<Event> inTimeOrder = new ArrayList<>(events);
    inTimeOrder.sort((a, b) -> a.time().compareTo(b.time()));
    inTimeOrder.forEach(incremental::add);

    try (LuceneBackend backend = LuceneBackend.open(dataDir)) {
      store(backend);
      EventAggregates rebuilt =
          EventAggregates.rebuild(
              backend.events(),
              POLICY,
              OPTIONS,
              EventAggregates.Context.of(backend.catalog(), backend.fans()));

      Instant at = minutes(60 * 24 * 21);
      Fixture.assertSameValues(fixture.snapshot(incremental, at), fixture.snapshot(rebuilt, at));
      assertEquals(incremental.stats(), rebuilt.stats());
      assertEquals(events.size(), rebuilt.stats().eventsSeen());
      assertTrue(rebuilt.stats().positiveEvents() > 100, rebuilt.stats().toString());
      assertEquals(0, rebuilt.stats().lateEventsUnpaired());
    }
  }

  @Test
  void aRebuildCanTakeOnlyTheEventsBeforeASplit() throws IOException {
    Instant split = minutes(60 * 24 * 10);
    EventAggregates incremental = fixture.aggregates(OPTIONS);
    events.stream().filter(e -> e.time().isBefore(split)).forEach(incremental::add);

    try (LuceneBackend backend = LuceneBackend.open(dataDir)) {
      store(backend);
      EventAggregates rebuilt =
          EventAggregates.rebuild(
              backend.events(), e -> e.time().isBefore(split), POLICY, OPTIONS, fixture);

      Fixture.assertSameValues(
          fixture.snapshot(incremental, split), fixture.snapshot(rebuilt, split));
      assertEquals(incremental.stats(), rebuilt.stats());
      assertTrue(rebuilt.stats().positiveEvents() < events.size(), rebuilt.stats().toString());
    }
  }

  @Test
  void aRebuildDoesNotDependOnTheOrderTheLogIsReadIn() throws IOException {
    // One neighbour per item (pruned at two) and four remembered events per fan: adding these
    // events one by one out of time order gives other aggregates than in time order.
    AggregateOptions small = OPTIONS.withCoOccurrence(1, Duration.ofDays(30), 1);
    List<Event> inTimeOrder = new ArrayList<>(events);
    inTimeOrder.sort((a, b) -> a.time().compareTo(b.time()));
    Instant at = minutes(60 * 24 * 21);
    EventAggregates addedShuffled = fixture.aggregates(small);
    events.forEach(addedShuffled::add);
    EventAggregates addedInOrder = fixture.aggregates(small);
    inTimeOrder.forEach(addedInOrder::add);
    assertNotEquals(fixture.snapshot(addedInOrder, at), fixture.snapshot(addedShuffled, at));

    try (LuceneBackend shuffled = LuceneBackend.open(dataDir.resolve("shuffled"));
        LuceneBackend sorted = LuceneBackend.open(dataDir.resolve("sorted"))) {
      store(shuffled, events);
      store(sorted, inTimeOrder);
      EventAggregates fromShuffled =
          EventAggregates.rebuild(shuffled.events(), POLICY, small, fixture);
      EventAggregates fromSorted = EventAggregates.rebuild(sorted.events(), POLICY, small, fixture);

      assertEquals(fixture.snapshot(fromSorted, at), fixture.snapshot(fromShuffled, at));
      assertEquals(fromSorted.stats(), fromShuffled.stats());
      Fixture.assertSameValues(
          fixture.snapshot(addedInOrder, at), fixture.snapshot(fromSorted, at));
    }
  }
}
