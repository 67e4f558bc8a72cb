package io.fanshelf.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.ProductId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IndexerTest {
  private static final Instant T = Instant.parse("2026-02-01T00:00:00Z");

  @TempDir Path dir;

  private Indexer open() throws Exception {
    Indexer indexer = Indexer.open(IndexerOptions.of(dir.resolve("data")));
    Path catalog = dir.resolve("catalog.csv");
    Files.writeString(
        catalog,
        "id,title,category,price,stock,created_at\n"
            + "tea,花茶,食品>茶,29,5,2026-01-01T00:00:00Z\n"
            + "cup,茶杯,家居>餐具,19,5,2026-01-01T00:00:00Z\n");
    indexer.importFiles(ImportRequest.none().withCatalog(catalog), ImportListener.NONE);
    return indexer;
  }

  @Test
  void appendedEventsAreStoredOnceAndCountInTheAggregates() throws Exception {
    try (Indexer indexer = open()) {
      assertEquals(0, indexer.aggregates().popularity(ProductId.of("tea"), T), 1e-12);
      List<Event> batch =
          List.of(
              Event.of("e1", "f1", "tea", EventType.PURCHASE, T),
              Event.of("e2", "f1", "cup", EventType.PURCHASE, T.plusSeconds(60)));
      assertEquals(2, indexer.appendEvents(batch).added());
      assertEquals(0, indexer.appendEvents(batch).added(), "idempotent by id");
      assertEquals(2, indexer.store().events().count());
      assertTrue(indexer.aggregates().popularity(ProductId.of("tea"), T) > 0);
      assertEquals(
          "cup",
          indexer.aggregates().coOccurring(ProductId.of("tea"), 5).getFirst().product().value());
    }
  }

  @Test
  void aBadEventRejectsTheWholeBatchNamingItsPosition() throws Exception {
    try (Indexer indexer = open()) {
      List<Event> batch =
          List.of(
              Event.of("e1", "f1", "tea", EventType.VIEW, T),
              Event.of("e2", "f1", "nope", EventType.VIEW, T));
      ImportRejectedException rejected =
          assertThrows(ImportRejectedException.class, () -> indexer.appendEvents(batch));
      assertEquals(
          "events:2 [product]: unknown product 'nope'", rejected.errors().getFirst().toString());
      assertEquals(0, indexer.store().events().count());
    }
  }

  @Test
  void anAppsBatchReportsFormatAndReferenceErrorsTogetherInBatchOrder() throws Exception {
    try (Indexer indexer = open()) {
      List<JsonNode> batch = new ArrayList<>();
      JsonMapper.shared()
          .readTree(
              "[{\"id\": \"e1\", \"fan\": \"f1\", \"product\": \"tea\", \"type\": \"view\","
                  + " \"time\": \"2026-02-01T00:00:00Z\"},"
                  + " {\"id\": \"e2\", \"fan\": \"f1\", \"product\": \"tea\", \"type\": \"olly\","
                  + " \"time\": \"2026-02-01T00:00:00Z\"},"
                  + " {\"id\": \"e3\", \"fan\": \"f1\", \"product\": \"p-404\", \"type\": \"view\","
                  + " \"time\": \"2026-02-01T00:00:00Z\"},"
                  + " {\"id\": \"e4\", \"fan\": \"f1\", \"product\": \"cup\", \"type\": \"view\","
                  + " \"time\": \"yesterday\"},"
                  + " {\"id\": \"e1\", \"fan\": \"f2\", \"product\": \"tea\", \"type\": \"view\","
                  + " \"time\": \"2026-02-01T00:00:00Z\", \"owner\": \"shop-none\"}]")
          .forEach(batch::add);
      ImportRejectedException rejected =
          assertThrows(ImportRejectedException.class, () -> indexer.readEventBatch(batch));
      assertEquals(
          List.of("2 type", "3 product", "4 time", "5 id", "5 owner"),
          rejected.errors().stream().map(e -> e.line() + " " + e.field()).toList());
      assertEquals(5, rejected.totalErrors());
      assertTrue(rejected.errors().get(3).message().contains("repeats the event at position 1"));
      assertEquals(0, indexer.store().events().count());
      assertEquals(1, indexer.readEventBatch(batch.subList(0, 1)).size());
    }
  }

  @Test
  void importedEventsReachTheAggregatesAfterTheImport() throws Exception {
    try (Indexer indexer = open()) {
      indexer.aggregates();
      Path events = dir.resolve("events.csv");
      Files.writeString(
          events, "id,fan,product,type,time\ne1,f1,tea,purchase,2026-02-01T00:00:00Z\n");
      indexer.importFiles(ImportRequest.none().withEvents(events), ImportListener.NONE);
      assertTrue(indexer.aggregates().popularity(ProductId.of("tea"), T) > 0);
      long before = indexer.catalogVersion();
      indexer.importFiles(
          ImportRequest.none().withCatalog(dir.resolve("catalog.csv")), ImportListener.NONE);
      assertEquals(before + 1, indexer.catalogVersion());
    }
  }

  @Test
  void concurrentBatchesAreAllStoredWithTheirOwnCounts() throws Exception {
    try (Indexer indexer = open()) {
      indexer.aggregates();
      int callers = 16;
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        List<Future<Indexer.Appended>> outcomes = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
          int caller = c;
          outcomes.add(
              pool.submit(
                  () -> {
                    List<Event> batch = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                      batch.add(
                          Event.of("c" + caller + "-" + i, "f" + i, "tea", EventType.PURCHASE, T));
                    }
                    batch.add(Event.of("shared", "f0", "cup", EventType.VIEW, T));
                    return indexer.appendEvents(batch);
                  }));
        }
        long added = 0;
        long duplicates = 0;
        for (Future<Indexer.Appended> outcome : outcomes) {
          Indexer.Appended appended = outcome.get(60, TimeUnit.SECONDS);
          added += appended.added();
          duplicates += appended.duplicates();
          assertTrue(appended.added() >= 50, "each caller's own events are new");
        }
        assertEquals(callers * 50 + 1, added, "the shared id is stored once");
        assertEquals(callers - 1, duplicates);
        assertEquals(callers * 50 + 1, indexer.store().events().count());
        assertEquals(
            callers * 50 + 1,
            indexer.aggregates().stats().eventsSeen(),
            "the live aggregates saw each stored event once");
      } finally {
        pool.shutdownNow();
      }
    }
    try (Indexer reopened = Indexer.open(IndexerOptions.of(dir.resolve("data")))) {
      assertEquals(16 * 50 + 1, reopened.store().events().count(), "durable when acknowledged");
    }
  }
}
