package io.fanshelf.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.aggregate.AggregateStats;
import io.fanshelf.indexer.aggregate.EventAggregates;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.ProductId;
import io.fanshelf.indexer.store.CatalogStore;
import io.fanshelf.indexer.store.EventStore;
import io.fanshelf.indexer.store.FanStore;
import io.fanshelf.indexer.store.MetadataStore;
import io.fanshelf.indexer.store.StoreBackend;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds of the aggregates after an import run beside the serving instance: readers get the old
 * one without waiting, appends go on, and the swapped-in instance has every event. The rebuild is
 * held in its scan of the log by a latch in the event store, so nothing depends on timing; the
 * generous timeouts only turn a hang into a failure.
 */
class IndexerRebuildTest {
  private static final Instant T = Instant.parse("2026-02-01T00:00:00Z");
  private static final long HANG = 60;

  @TempDir Path dir;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void readersGetTheOldAggregatesDuringARebuildAndTheImportedEventsAfterTheSwap() throws Exception {
    PausingBackend backend = new PausingBackend(LuceneBackend.open(dir.resolve("data")));
    try (Indexer indexer = open(backend)) {
      indexer.appendEvents(List.of(purchase("e0", "f1", "tea", 0)));
      EventAggregates serving = indexer.aggregates();

      backend.pauseNextScan();
      Future<?> imported =
          threads.submit(() -> indexer.importFiles(events("i", 20, "cup"), ImportListener.NONE));
      assertTrue(backend.scanStarted.await(HANG, TimeUnit.SECONDS), "the rebuild started");
      imported.get(HANG, TimeUnit.SECONDS);

      Future<EventAggregates> read = threads.submit(indexer::aggregates);
      assertSame(serving, read.get(HANG, TimeUnit.SECONDS), "answered by the old instance");
      assertEquals(0, serving.popularity(ProductId.of("cup"), T), 1e-12, "not imported yet");
      Future<?> appended =
          threads.submit(() -> indexer.appendEvents(List.of(purchase("a1", "f2", "tea", 30))));
      appended.get(HANG, TimeUnit.SECONDS);

      backend.releaseScan.countDown();
      EventAggregates swapped = awaitSwap(indexer, serving);
      assertTrue(swapped.popularity(ProductId.of("cup"), T) > 0, "the imported events count");
      assertCountsEveryStoredEvent(indexer, swapped);
    }
  }

  @Test
  void noEventAppendedAroundASwapIsLost() throws Exception {
    PausingBackend backend = new PausingBackend(LuceneBackend.open(dir.resolve("data")));
    try (Indexer indexer = open(backend)) {
      EventAggregates serving = indexer.aggregates();
      backend.pauseNextScan();
      threads.submit(() -> indexer.importFiles(events("i", 5, "cup"), ImportListener.NONE));
      assertTrue(backend.scanStarted.await(HANG, TimeUnit.SECONDS), "the rebuild started");

      // Appended while the rebuild scans: stored after it began, so left out of its scan.
      for (int i = 0; i < 10; i++) {
        indexer.appendEvents(List.of(purchase("during-" + i, "f" + (i % 3), "tea", i)));
      }
      // And appended while it finishes and swaps, on another thread.
      Future<?> around =
          threads.submit(
              () -> {
                for (int i = 0; i < 40; i++) {
                  indexer.appendEvents(List.of(purchase("around-" + i, "f" + (i % 4), "cup", i)));
                }
                return null;
              });
      backend.releaseScan.countDown();
      around.get(HANG, TimeUnit.SECONDS);
      EventAggregates swapped = awaitSwap(indexer, serving);

      assertEquals(5 + 10 + 40, indexer.store().events().count());
      assertCountsEveryStoredEvent(indexer, swapped);
    }
  }

  private Indexer open(StoreBackend backend) throws Exception {
    Indexer indexer =
        Indexer.open(IndexerOptions.of(dir.resolve("data")).withLiveAggregates(), backend);
    Path catalog = dir.resolve("catalog.csv");
    Files.writeString(
        catalog,
        "id,title,category,price,stock,created_at\n"
            + "tea,花茶,食品>茶,29,5,2026-01-01T00:00:00Z\n"
            + "cup,茶杯,家居>餐具,19,5,2026-01-01T00:00:00Z\n");
    EventAggregates empty = indexer.aggregates();
    indexer.importFiles(ImportRequest.none().withCatalog(catalog), ImportListener.NONE);
    awaitSwap(indexer, empty); // so that the rebuild a test holds is the one it started
    return indexer;
  }

  private ImportRequest events(String prefix, int count, String product) throws IOException {
    StringBuilder csv = new StringBuilder("id,fan,product,type,time\n");
    for (int i = 0; i < count; i++) {
      csv.append(prefix)
          .append(i)
          .append(",f")
          .append(i % 5)
          .append(',')
          .append(product)
          .append(",purchase,")
          .append(T.plusSeconds(100 + i))
          .append('\n');
    }
    Path file = dir.resolve(prefix + "-events.csv");
    Files.writeString(file, csv);
    return ImportRequest.none().withEvents(file);
  }

  private static Event purchase(String id, String fan, String product, int second) {
    return Event.of(id, fan, product, EventType.PURCHASE, T.plusSeconds(second));
  }

  /** Waits for the rebuild to swap in a new instance; fails instead of hanging. */
  private static EventAggregates awaitSwap(Indexer indexer, EventAggregates old) {
    return org.awaitility.Awaitility.await("the rebuild swaps in a new instance")
        .atMost(java.time.Duration.ofSeconds(HANG))
        .until(indexer::aggregates, current -> current != old);
  }

  /** The instance has seen every stored event once, and agrees with a recount of the log. */
  private static void assertCountsEveryStoredEvent(Indexer indexer, EventAggregates aggregates)
      throws Exception {
    EventAggregates recount =
        EventAggregates.rebuild(
            indexer.store().events(),
            indexer.options().feedback(),
            indexer.options().aggregates(),
            EventAggregates.Context.of(indexer.store().catalog(), indexer.store().fans()));
    AggregateStats stats = aggregates.stats();
    assertEquals(indexer.store().events().count(), stats.eventsSeen());
    assertEquals(recount.stats().positiveEvents(), stats.positiveEvents());
    for (String product : List.of("tea", "cup")) {
      assertEquals(
          recount.allTimeWeight(ProductId.of(product)),
          aggregates.allTimeWeight(ProductId.of(product)),
          1e-9,
          product);
    }
  }

  /** A backend whose event log can hold the next full scan until the test lets it go on. */
  private static final class PausingBackend implements StoreBackend {
    private final StoreBackend stores;
    private final CountDownLatch scanStarted = new CountDownLatch(1);
    private final CountDownLatch releaseScan = new CountDownLatch(1);
    private volatile boolean pauseNext;

    PausingBackend(StoreBackend stores) {
      this.stores = stores;
    }

    void pauseNextScan() {
      pauseNext = true;
    }

    @Override
    public CatalogStore catalog() {
      return stores.catalog();
    }

    @Override
    public FanStore fans() {
      return stores.fans();
    }

    @Override
    public MetadataStore metadata() {
      return stores.metadata();
    }

    @Override
    public String describe() {
      return "pausing " + stores.describe();
    }

    @Override
    public void close() throws IOException {
      releaseScan.countDown();
      stores.close();
    }

    @Override
    public EventStore events() {
      EventStore log = stores.events();
      return new EventStore() {
        @Override
        public AppendResult append(Iterable<Event> events, Consumer<Event> onNew)
            throws IOException {
          return log.append(events, onNew);
        }

        @Override
        public boolean contains(EventId id) throws IOException {
          return log.contains(id);
        }

        @Override
        public List<Event> recent(FanId fan, int limit) throws IOException {
          return log.recent(fan, limit);
        }

        @Override
        public List<Event> allOf(FanId fan) throws IOException {
          return log.allOf(fan);
        }

        @Override
        public long count() throws IOException {
          return log.count();
        }

        @Override
        public void forEach(Consumer<Event> visitor) throws IOException {
          if (pauseNext) {
            pauseNext = false;
            scanStarted.countDown();
            try {
              releaseScan.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IOException("interrupted while held", e);
            }
          }
          log.forEach(visitor);
        }

        @Override
        public void close() {}
      };
    }
  }
}
