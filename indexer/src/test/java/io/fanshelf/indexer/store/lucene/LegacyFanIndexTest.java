package io.fanshelf.indexer.store.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fanshelf.indexer.model.Fan;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.FanQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory whose fans index was written before profiles moved to doc values. */
class LegacyFanIndexTest {
  private static final OwnerId LILY = OwnerId.of("shop-lily");
  private static final Instant T = Instant.parse("2026-02-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void profilesStoredOnlyAsJsonAreReadNextToNewOnes() throws Exception {
    try (FSDirectory fans = FSDirectory.open(dir.resolve("fans"));
        IndexWriter writer = new IndexWriter(fans, new IndexWriterConfig(new KeywordAnalyzer()))) {
      for (String id : List.of("f1", "f2")) {
        FanProfile old = new FanProfile(new Fan(LILY, FanId.of(id), Optional.empty(), T), Map.of());
        Document doc = new Document();
        doc.add(
            new StringField(
                FanFields.KEY, FanFields.key(LILY, FanId.of(id)).text(), Field.Store.NO));
        doc.add(new StringField(FanFields.OWNER, LILY.value(), Field.Store.NO));
        doc.add(new StringField(FanFields.FAN, id, Field.Store.NO));
        doc.add(new SortedDocValuesField(FanFields.FAN, new BytesRef(id)));
        doc.add(new StoredField(FanFields.LEGACY_SOURCE, Json.MAPPER.writeValueAsBytes(old)));
        writer.addDocument(doc);
      }
      writer.commit();
    }
    try (LuceneBackend backend = LuceneBackend.open(dir)) {
      backend.fans().upsertFans(List.of(new Fan(LILY, FanId.of("f3"), Optional.of("新粉丝"), T)));
      assertEquals(T, backend.fans().get(LILY, FanId.of("f1")).orElseThrow().fan().joinedAt());
      assertEquals(1, backend.fans().profilesOf(FanId.of("f2")).size());
      assertEquals(
          List.of("f1", "f2", "f3"),
          backend.fans().find(FanQuery.all(LILY, 10)).fans().stream()
              .map(profile -> profile.fan().id().value())
              .toList());
      List<String> visited = new ArrayList<>();
      backend.fans().forEach(profile -> visited.add(profile.fan().id().value()));
      assertEquals(List.of("f1", "f2", "f3"), visited);
      assertEquals(
          Optional.of("新粉丝"),
          backend.fans().get(LILY, FanId.of("f3")).orElseThrow().fan().nickname());
    }
  }
}
