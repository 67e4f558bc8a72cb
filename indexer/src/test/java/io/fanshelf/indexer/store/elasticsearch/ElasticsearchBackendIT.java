package io.fanshelf.indexer.store.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.LabelSource;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.Product;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.BeautyHomeFixture;
import io.fanshelf.indexer.store.CatalogQuery;
import io.fanshelf.indexer.store.EventStore.AppendResult;
import io.fanshelf.indexer.store.FanProfile;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the contract suites do not reach on Elasticsearch: batches larger than one bulk request, two
 * API nodes writing the same fan, {@code refresh=wait_for}, and how opening fails.
 */
class ElasticsearchBackendIT {
  @RegisterExtension
  static final SharedNode NODE = new SharedNode(ElasticsearchOptions.Refresh.IMMEDIATE);

  private static final int MORE_THAN_TWO_REQUESTS = 2 * ElasticsearchEventStore.CHUNK + 500;

  @TempDir Path dir;

  @Test
  void anAppendOfSeveralBulkRequestsIsVisibleWhenItReturns() throws IOException {
    try (ElasticsearchBackend backend = ElasticsearchBackend.open(NODE.options(dir))) {
      List<Event> events = events("big", MORE_THAN_TWO_REQUESTS);

      assertEquals(
          new AppendResult(MORE_THAN_TWO_REQUESTS, 0), backend.events().append(events, e -> {}));

      assertEquals(MORE_THAN_TWO_REQUESTS, backend.events().count());
      assertEquals(events.getLast(), backend.events().recent(FanId.of("fan-big"), 1).getFirst());
    }
  }

  @Test
  void anAppendThatFailsInItsThirdBulkRequestUndoesTheFirstTwo() throws IOException {
    try (ElasticsearchBackend backend = ElasticsearchBackend.open(NODE.options(dir))) {
      backend.events().append(BeautyHomeFixture.events(), e -> {});
      long before = backend.events().count();
      List<Event> events = events("undo", MORE_THAN_TWO_REQUESTS);
      IllegalStateException boom = new IllegalStateException("the aggregates broke");
      AtomicInteger calls = new AtomicInteger();

      IllegalStateException thrown =
          assertThrows(
              IllegalStateException.class,
              () ->
                  backend
                      .events()
                      .append(
                          events,
                          e -> {
                            if (calls.incrementAndGet() == 2 * ElasticsearchEventStore.CHUNK + 1) {
                              throw boom;
                            }
                          }));

      assertSame(boom, thrown);
      assertEquals(before, backend.events().count());
      assertFalse(backend.events().contains(events.getFirst().id()));
      assertEquals(List.of(), backend.events().recent(FanId.of("fan-undo"), 10));
      assertEquals(
          new AppendResult(MORE_THAN_TWO_REQUESTS, 0), backend.events().append(events, e -> {}));
    }
  }

  @Test
  void aCatalogBatchOfSeveralBulkRequestsWithABadProductLeavesNothing() throws IOException {
    try (ElasticsearchBackend backend = ElasticsearchBackend.open(NODE.options(dir))) {
      backend.catalog().upsert(BeautyHomeFixture.products());
      List<Product> batch = new ArrayList<>();
      Product original = BeautyHomeFixture.product("bh-001");
      batch.add(
          BeautyHomeFixture.product(
              "bh-001",
              "改过的标题 Zyxwv",
              "美妆>护肤>洁面",
              null,
              "1.00",
              1,
              null,
              null,
              "2026-11-01T00:00:00Z",
              null,
              0));
      for (int i = 0; i < 1_500; i++) {
        batch.add(
            BeautyHomeFixture.product(
                "many-" + i,
                "批量商品 " + i,
                "家居>收纳",
                null,
                "9.90",
                1,
                null,
                null,
                "2026-11-01T00:00:00Z",
                null,
                0));
      }
      // An index term may be at most 32,766 bytes: this category path is far longer.
      batch.add(
          BeautyHomeFixture.product(
              "bh-huge",
              "类目过深的商品",
              String.join(">", Collections.nCopies(130, "很长的类目".repeat(20))),
              null,
              "1.00",
              1,
              null,
              null,
              "2026-11-01T00:00:00Z",
              null,
              0));

      IOException thrown = assertThrows(IOException.class, () -> backend.catalog().upsert(batch));

      assertTrue(thrown.getMessage().contains("bh-huge"), thrown.getMessage());
      assertEquals(BeautyHomeFixture.products().size(), backend.catalog().count());
      assertEquals(Optional.of(original), backend.catalog().get(original.id()));
      assertEquals(Optional.empty(), backend.catalog().get(ProductId.of("many-0")));
      assertEquals(
          List.of(), backend.catalog().search(CatalogQuery.builder(10).text("批量商品 zyxwv").build()));
    }
  }

  @Test
  void twoApiNodesLabellingTheSameFansLoseNoLabel() throws Exception {
    ElasticsearchOptions options = NODE.options(dir);
    OwnerId owner = BeautyHomeFixture.LILY;
    List<FanId> fans = List.of(FanId.of("fan-0001"), FanId.of("fan-0002"));
    int rounds = 8;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (ElasticsearchBackend nodeA = ElasticsearchBackend.open(options);
        ElasticsearchBackend nodeB = ElasticsearchBackend.open(options)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> running = new ArrayList<>();
      for (ElasticsearchBackend node : List.of(nodeA, nodeB)) {
        String dimension = node == nodeA ? "from_a" : "from_b";
        running.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int r = 0; r < rounds; r++) {
                    List<Label> labels = new ArrayList<>();
                    for (FanId fan : fans) {
                      labels.add(label(owner, fan, dimension, "round_" + r));
                    }
                    node.fans().setLabels(labels);
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> future : running) {
        future.get(60, TimeUnit.SECONDS);
      }

      for (FanId fan : fans) {
        FanProfile profile = nodeA.fans().get(owner, fan).orElseThrow();
        assertEquals(Set.of("from_a", "from_b"), profile.labels().keySet(), fan.value());
        for (Label label : profile.labels().values()) {
          assertEquals(List.of("round_" + (rounds - 1)), label.values(), label.toString());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void waitForRefreshMakesEachWriteVisibleToTheNextSearch() throws IOException {
    ElasticsearchOptions options =
        NODE.builder(dir)
            .refresh(ElasticsearchOptions.Refresh.WAIT_FOR)
            .refreshInterval(Duration.ofMillis(200))
            .build();
    try (ElasticsearchBackend backend = ElasticsearchBackend.open(options)) {
      for (int i = 0; i < 3; i++) {
        backend.catalog().upsert(List.of(BeautyHomeFixture.products().get(i)));
        assertEquals(i + 1, backend.catalog().count());
        assertEquals(
            BeautyHomeFixture.products().subList(0, i + 1).stream().map(Product::id).toList(),
            backend.catalog().search(CatalogQuery.builder(10).build()).stream()
                .map(hit -> hit.id())
                .toList());
        backend.events().append(List.of(BeautyHomeFixture.events().get(i)), e -> {});
        assertEquals(i + 1, backend.events().count());
        backend.fans().upsertFans(List.of(BeautyHomeFixture.fans().get(i)));
        assertEquals(i + 1, backend.fans().count());
      }
    }
  }

  @Test
  void openingOverAnIndexOfAnotherLayoutFailsAndSaysWhatToDo() throws IOException {
    ElasticsearchOptions options = NODE.options(dir);
    NODE.admin()
        .indices()
        .create(
            c ->
                c.index(options.indexPrefix() + "-catalog")
                    .withJson(
                        new StringReader(
                            "{\"settings\": {\"number_of_replicas\": 0},"
                                + " \"mappings\": {\"properties\": {\"sku\": {\"type\": \"keyword\"}}}}")));

    IOException thrown = assertThrows(IOException.class, () -> ElasticsearchBackend.open(options));

    assertTrue(
        thrown.getMessage().contains(options.indexPrefix() + "-catalog"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("another index prefix"), thrown.getMessage());
  }

  @Test
  void anUnreachableClusterFailsToOpenNamingTheHosts() {
    ElasticsearchOptions options =
        ElasticsearchOptions.builder("unreachable", URI.create("http://127.0.0.1:1"))
            .requestTimeout(Duration.ofSeconds(5))
            .build();

    IOException thrown = assertThrows(IOException.class, () -> ElasticsearchBackend.open(options));

    assertTrue(thrown.getMessage().contains("http://127.0.0.1:1"), thrown.getMessage());
  }

  private static List<Event> events(String name, int count) {
    List<Event> events = new ArrayList<>(count);
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    for (int i = 0; i < count; i++) {
      events.add(
          Event.of(name + "-" + i, "fan-" + name, "bh-001", EventType.VIEW, start.plusSeconds(i)));
    }
    return events;
  }

  private static Label label(OwnerId owner, FanId fan, String dimension, String value) {
    return new Label(
        owner,
        fan,
        dimension,
        List.of(value),
        LabelSource.OWNER,
        1.0,
        Instant.parse("2026-11-01T12:00:00Z"),
        owner.value());
  }
}
