package io.fanshelf.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.aggregate.LabelLift;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelRemoval;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.taxonomy.Dimension;
import io.fanshelf.indexer.taxonomy.DimensionValue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labels written through {@link Indexer#changeLabels}: checked first, all or nothing, and the label
 * statistics of the aggregates always equal a recount from the stores, also when label writes and
 * event appends run at once.
 */
class IndexerLabelsTest {
  private static final OwnerId LILY = OwnerId.of("shop-lily");
  private static final Instant T = Instant.parse("2026-10-10T00:00:00Z");

  @TempDir Path dir;

  private Indexer open() throws Exception {
    Indexer indexer = Indexer.open(IndexerOptions.of(dir.resolve("data")));
    Path fixture = Path.of(IndexerLabelsTest.class.getResource("/fixtures/beauty-home").toURI());
    indexer.importFiles(ImportRequest.inDirectory(fixture), ImportListener.NONE);
    return indexer;
  }

  private static Label label(String fan, String dimension, String... values) {
    return new Label(
        LILY, FanId.of(fan), dimension, List.of(values), LabelSource.OWNER, 1.0, T, "test");
  }

  @Test
  void aLabelSetChangesLabelLiftAtOnceAsARecountWould() throws Exception {
    try (Indexer indexer = open()) {
      // fan-0003 buys from the fixture's catalog and has no home_style yet.
      for (int i = 0; i < 6; i++) {
        indexer.appendEvents(
            List.of(Event.of("x" + i, "fan-0003", "bh-001", EventType.PURCHASE, T)));
      }
      Map<String, LiftCounts> before = lifts(indexer, indexer.aggregates());
      long version = indexer.fansVersion();

      indexer.changeLabels(
          List.of(label("fan-0003", "home_style", "value")),
          List.of(new LabelRemoval(LILY, FanId.of("fan-0003"), "skin_type")));

      Map<String, LiftCounts> after = lifts(indexer, indexer.aggregates());
      assertNotEquals(before, after, "the label statistics changed");
      assertSameLifts(lifts(indexer, recount(indexer)), after);
      assertTrue(indexer.fansVersion() > version);
    }
  }

  @Test
  void aRejectedBatchChangesNothing() throws Exception {
    try (Indexer indexer = open()) {
      FanProfile before = indexer.store().fans().get(LILY, FanId.of("fan-0002")).orElseThrow();
      Map<String, LiftCounts> lifts = lifts(indexer, indexer.aggregates());
      long version = indexer.fansVersion();

      ImportRejectedException rejected =
          assertThrows(
              ImportRejectedException.class,
              () ->
                  indexer.changeLabels(
                      List.of(
                          label("fan-0002", "home_style", "value"),
                          label("fan-0002", "skin_type", "greasy"),
                          label("fan-0002", "skin_type", "dry", "oily")),
                      List.of(
                          new LabelRemoval(LILY, FanId.of("fan-0002"), "price_sensitivity"),
                          new LabelRemoval(
                              OwnerId.of("shop-nobody"), FanId.of("fan-0002"), "skin_type"))));

      assertEquals(
          List.of(
              "labels:2 [values]: unknown value 'greasy' of skin_type; expected one of",
              "labels:3 [values]: skin_type takes exactly one value, got 2",
              "labels:5 [owner]: unknown owner 'shop-nobody'"),
          rejected.errors().stream()
              .map(e -> e.toString().replaceAll("(expected one of).*", "$1"))
              .toList());
      assertEquals(before, indexer.store().fans().get(LILY, FanId.of("fan-0002")).orElseThrow());
      assertEquals(lifts, lifts(indexer, indexer.aggregates()));
      assertEquals(version, indexer.fansVersion());
    }
  }

  @Test
  void concurrentLabelWritesAndEventAppendsAgreeWithARecount() throws Exception {
    try (Indexer indexer = open()) {
      List<String> fans = List.of("fan-0001", "fan-0002", "fan-0003", "fan-0004", "fan-0005");
      List<String> products = new ArrayList<>();
      indexer.store().catalog().forEach(p -> products.add(p.id().value()));
      Dimension skin = indexer.store().metadata().taxonomy().dimension("skin_type").orElseThrow();
      List<String> skinValues =
          skin.values().stream().filter(v -> !v.retired()).map(DimensionValue::id).toList();
      indexer.aggregates();

      ExecutorService threads = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          int thread = t;
          work.add(
              threads.submit(
                  () -> {
                    Random random = new Random(thread);
                    for (int i = 0; i < 25; i++) {
                      String fan = fans.get(random.nextInt(fans.size()));
                      String product = products.get(random.nextInt(products.size()));
                      indexer.appendEvents(
                          List.of(
                              Event.of(
                                  "c" + thread + "-" + i,
                                  fan,
                                  product,
                                  EventType.PURCHASE,
                                  T.plusSeconds(i))));
                    }
                    return null;
                  }));
          work.add(
              threads.submit(
                  () -> {
                    Random random = new Random(100 + thread);
                    for (int i = 0; i < 25; i++) {
                      String fan = fans.get(random.nextInt(fans.size()));
                      if (random.nextInt(3) == 0) {
                        indexer.changeLabels(
                            List.of(), List.of(new LabelRemoval(LILY, FanId.of(fan), "skin_type")));
                      } else {
                        String value = skinValues.get(random.nextInt(skinValues.size()));
                        indexer.changeLabels(List.of(label(fan, "skin_type", value)), List.of());
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> done : work) {
          done.get();
        }
      } finally {
        threads.shutdown();
      }

      assertSameLifts(lifts(indexer, recount(indexer)), lifts(indexer, indexer.aggregates()));
    }
  }

  private static EventAggregates recount(Indexer indexer) throws Exception {
    return EventAggregates.rebuild(
        indexer.store().events(),
        indexer.options().feedback(),
        indexer.options().aggregates(),
        EventAggregates.Context.of(indexer.store().catalog(), indexer.store().fans()));
  }

  /** The lift figures and event counts of one (dimension, value, category). */
  private record LiftCounts(
      double lift,
      double valueWeight,
      double dimensionWeight,
      long valueEvents,
      long allValueEvents) {
    static LiftCounts of(LabelLift lift) {
      return new LiftCounts(
          lift.lift(),
          lift.valueCategoryWeight(),
          lift.dimensionCategoryWeight(),
          lift.valueCategoryEvents(),
          lift.valueEvents());
    }
  }

  /**
   * The same keys and counts, and the same figures up to the float noise of counting in and out in
   * another order (a recount adds the same weights in log order).
   */
  private static void assertSameLifts(
      Map<String, LiftCounts> expected, Map<String, LiftCounts> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (var entry : expected.entrySet()) {
      LiftCounts e = entry.getValue();
      LiftCounts a = actual.get(entry.getKey());
      String key = entry.getKey();
      assertEquals(e.valueEvents(), a.valueEvents(), key);
      assertEquals(e.allValueEvents(), a.allValueEvents(), key);
      assertEquals(e.lift(), a.lift(), 1e-9, key);
      assertEquals(e.valueWeight(), a.valueWeight(), 1e-9, key);
      assertEquals(e.dimensionWeight(), a.dimensionWeight(), 1e-9, key);
    }
  }

  /** Every (dimension, value, category key) of the taxonomy and catalog, with its lift. */
  private static Map<String, LiftCounts> lifts(Indexer indexer, EventAggregates aggregates)
      throws Exception {
    TreeSet<String> categoryKeys = new TreeSet<>();
    indexer.store().catalog().forEach(product -> categoryKeys.addAll(keys(product)));
    Map<String, LiftCounts> lifts = new TreeMap<>();
    for (Dimension dimension : indexer.store().metadata().taxonomy().dimensions()) {
      for (DimensionValue value : dimension.values()) {
        for (String category : categoryKeys) {
          lifts.put(
              dimension.id() + "=" + value.id() + " in " + category,
              LiftCounts.of(aggregates.lift(dimension.id(), value.id(), category)));
        }
      }
    }
    return lifts;
  }

  private static List<String> keys(Product product) {
    List<String> keys = new ArrayList<>();
    String key = "";
    for (String level : product.categoryPath()) {
      key = key.isEmpty() ? level : key + ">" + level;
      keys.add(key);
    }
    return keys;
  }
}
