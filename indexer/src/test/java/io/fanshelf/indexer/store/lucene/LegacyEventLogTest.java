package io.fanshelf.indexer.store.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FanId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory whose event log was written before events moved to doc values. */
class LegacyEventLogTest {
  private static final Instant T = Instant.parse("2026-02-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void eventsStoredAsJsonAreReadNextToNewOnesEvenInOneMergedSegment() throws Exception {
    try (FSDirectory events = FSDirectory.open(dir.resolve("events"));
        IndexWriter writer =
            new IndexWriter(events, new IndexWriterConfig(new KeywordAnalyzer()))) {
      for (int i = 0; i < 3; i++) {
        Event old = Event.of("old-" + i, "f1", "p" + i, EventType.PURCHASE, T.plusSeconds(i));
        Document doc = new Document();
        doc.add(new StringField(EventFields.ID, old.id().value(), Field.Store.NO));
        doc.add(new StringField(EventFields.FAN, "f1", Field.Store.NO));
        doc.add(new NumericDocValuesField(EventFields.TIME, old.time().toEpochMilli()));
        doc.add(new StoredField(EventFields.LEGACY_SOURCE, Json.MAPPER.writeValueAsBytes(old)));
        writer.addDocument(doc);
      }
      writer.commit();
    }
    try (LuceneBackend backend = LuceneBackend.open(dir)) {
      backend
          .events()
          .append(
              List.of(Event.of("new-0", "f1", "p9", EventType.VIEW, T.plusSeconds(60))), e -> {});
      assertEquals(
          List.of("new-0", "old-2", "old-1", "old-0"),
          backend.events().recent(FanId.of("f1"), 10).stream()
              .map(event -> event.id().value())
              .toList());
      assertTrue(backend.events().contains(EventId.of("old-1")));
    }
    try (FSDirectory events = FSDirectory.open(dir.resolve("events"));
        IndexWriter writer =
            new IndexWriter(events, new IndexWriterConfig(new KeywordAnalyzer()))) {
      writer.forceMerge(1);
      writer.commit();
    }
    try (LuceneBackend backend = LuceneBackend.open(dir)) {
      List<String> visited = new ArrayList<>();
      backend.events().forEach(event -> visited.add(event.id().value()));
      // forEach is in no particular order: a forced merge orders segments by size, and the new
      // event's segment (with its log number) can come first.
      visited.sort(null);
      assertEquals(List.of("new-0", "old-0", "old-1", "old-2"), visited);
      assertEquals(
          "old-2", backend.events().recent(FanId.of("f1"), 2).get(1).id().value(), "merged");
    }
  }
}
