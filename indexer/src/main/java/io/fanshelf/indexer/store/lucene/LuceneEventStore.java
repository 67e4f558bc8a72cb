package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.store.EventStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The event log on Lucene: an append-only index (events are never updated or deleted). Thread-safe;
 * appends are serialised by the index's write lock. {@link LuceneBackend} closes it.
 */
final class LuceneEventStore implements EventStore {
  private static final Sort NEWEST_FIRST =
      new Sort(new SortField(EventFields.TIME, SortField.Type.LONG, true));

  private final LuceneIndex index;

  LuceneEventStore(Path path) throws IOException {
    this.index = new LuceneIndex(path, new KeywordAnalyzer(), Optional.empty());
  }

  @Override
  public AppendResult append(Iterable<Event> events, Consumer<Event> onNew) throws IOException {
    return index.write(
        (writer, before) -> {
          IdLookup stored = new IdLookup(before.getIndexReader());
          Set<String> inBatch = new HashSet<>();
          long added = 0;
          long duplicates = 0;
          for (Event event : events) {
            String id = event.id().value();
            if (!inBatch.add(id) || stored.contains(id)) {
              duplicates++;
              continue;
            }
            writer.addDocument(
                EventFields.toDocument(
                    id,
                    event.fan().value(),
                    event.time().toEpochMilli(),
                    Json.MAPPER.writeValueAsBytes(event)));
            onNew.accept(event);
            added++;
          }
          return new AppendResult(added, duplicates);
        });
  }

  /** Looks ids up in the committed segments, reusing one terms enum per segment. */
  private static final class IdLookup {
    private final List<TermsEnum> segments = new ArrayList<>();

    IdLookup(IndexReader reader) throws IOException {
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(EventFields.ID);
        if (terms != null) {
          segments.add(terms.iterator());
        }
      }
    }

    boolean contains(String id) throws IOException {
      BytesRef term = new BytesRef(id);
      for (TermsEnum segment : segments) {
        // Events are never deleted, so a term present in a segment is a live event.
        if (segment.seekExact(term)) {
          return true;
        }
      }
      return false;
    }
  }

  @Override
  public boolean contains(EventId id) throws IOException {
    return index.read(searcher -> new IdLookup(searcher.getIndexReader()).contains(id.value()));
  }

  @Override
  public List<Event> recent(FanId fan, int limit) throws IOException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    return index.read(
        searcher -> {
          TopDocs top =
              searcher.search(
                  new TermQuery(new Term(EventFields.FAN, fan.value())), limit, NEWEST_FIRST);
          var fields = searcher.storedFields();
          List<Event> events = new ArrayList<>(top.scoreDocs.length);
          for (ScoreDoc hit : top.scoreDocs) {
            events.add(parse(fields.document(hit.doc).getBinaryValue(EventFields.SOURCE)));
          }
          return events;
        });
  }

  private static Event parse(BytesRef source) {
    return Json.MAPPER.readValue(source.bytes, source.offset, source.length, Event.class);
  }

  @Override
  public long count() throws IOException {
    return index.read(searcher -> (long) searcher.getIndexReader().numDocs());
  }

  @Override
  public void forEach(Consumer<Event> visitor) throws IOException {
    index.forEachStored(EventFields.SOURCE, source -> visitor.accept(parse(source)));
  }

  long sizeOnDisk() throws IOException {
    return index.sizeOnDisk();
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
