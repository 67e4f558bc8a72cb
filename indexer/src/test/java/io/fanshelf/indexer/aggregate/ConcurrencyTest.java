package io.fanshelf.indexer.aggregate;

import static io.fanshelf.indexer.aggregate.Fixture.T0;
import static io.fanshelf.indexer.aggregate.Fixture.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.model.ProductId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final int WRITERS = 4;
  private static final int READERS = 4;
  private static final int EVENTS_PER_WRITER = 2_000;

  @Test
  void writersAndReadersTogetherEndWithTheSequentialResult() throws Exception {
    Fixture fixture = new Fixture();
    List<ProductId> products = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      products.add(fixture.product("p" + i, "美妆>品类" + (i % 5), "brand" + (i % 7), 100 + i));
    }
    // Each writer has its own 10 fans and adds their events in time order.
    List<List<Event>> batches = new ArrayList<>();
    for (int writer = 0; writer < WRITERS; writer++) {
      List<Event> batch = new ArrayList<>();
      for (int i = 0; i < EVENTS_PER_WRITER; i++) {
        String fan = "w" + writer + "f" + (i % 10);
        if (i < 10) {
          fixture.member("shop-a", fan, "skin_type", i % 2 == 0 ? "oily" : "dry");
        }
        ProductId product = products.get((i * 7 + writer * 3 + i / 10) % 50);
        batch.add(fixture.event(fan, product, EventType.PURCHASE, minutes(i / 10)));
      }
      batches.add(batch);
    }
    EventAggregates sequential = fixture.aggregates(AggregateOptions.defaults());
    batches.forEach(batch -> batch.forEach(sequential::add));

    EventAggregates shared = fixture.aggregates(AggregateOptions.defaults());
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory named = task -> new Thread(task, "aggregate-test-" + threads.incrementAndGet());
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS, named);
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch writersDone = new CountDownLatch(WRITERS);
    List<Future<Integer>> futures = new ArrayList<>();
    try {
      for (List<Event> batch : batches) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  batch.forEach(shared::add);
                  writersDone.countDown();
                  return batch.size();
                }));
      }
      for (int reader = 0; reader < READERS; reader++) {
        ProductId product = products.get(reader);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  int queries = 0;
                  do {
                    shared.popular(10, T0);
                    shared.popularAmongFansOf(OwnerId.of("shop-a"), 10, T0);
                    shared.trend(product, T0);
                    shared.coOccurring(product, 10);
                    shared.affinity(FanId.of("w0f1"), T0);
                    shared.topLifts("skin_type", "oily", 5, 1);
                    shared.stats();
                    queries++;
                  } while (writersDone.getCount() > 0);
                  return queries;
                }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> future : futures) {
        total += future.get(60, TimeUnit.SECONDS);
      }
      assertTrue(total >= WRITERS * EVENTS_PER_WRITER + READERS);
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
    }

    assertEquals(WRITERS * EVENTS_PER_WRITER, shared.stats().positiveEvents());
    assertEquals(sequential.stats(), shared.stats());
    Fixture.assertSameValues(
        fixture.snapshot(sequential, minutes(200)), fixture.snapshot(shared, minutes(200)));
  }
}
