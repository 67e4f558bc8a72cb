package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.store.EventStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The event log on Lucene: an append-only index (events are never updated or deleted). Thread-safe;
 * appends are serialised by the index's write lock, and each append indexes on one named thread
 * ("fanshelf-event-indexer") while the caller's thread reads the next events, so {@code onNew} is
 * called from that thread. {@link LuceneBackend} closes it.
 */
final class LuceneEventStore implements EventStore {
  private static final Comparator<Event> NEWEST_THEN_BY_ID =
      Comparator.comparing(Event::time).reversed().thenComparing(Event::id);
  private static final Sort NEWEST_FIRST =
      new Sort(new SortField(EventFields.TIME, SortField.Type.LONG, true));

  private final LuceneIndex index;
  private final ExecutorService indexingThread =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "fanshelf-event-indexer");
            thread.setDaemon(true);
            return thread;
          });

  LuceneEventStore(Path path) throws IOException {
    this.index = new LuceneIndex(path, new KeywordAnalyzer(), Optional.empty());
  }

  @Override
  public AppendResult append(Iterable<Event> events, Consumer<Event> onNew) throws IOException {
    return index.write(
        (writer, before) -> {
          // Events are never deleted, so the committed count is the last number given.
          ChunkIndexer indexer =
              new ChunkIndexer(
                  writer,
                  new IdLookup(before.getIndexReader()),
                  onNew,
                  before.getIndexReader().numDocs());
          // The caller's thread pulls events (often parsing a file) while the indexing thread
          // writes
          // the previous chunk: two stages in parallel on two cores.
          List<Event> chunk = new ArrayList<>(CHUNK);
          Future<?> previous = CompletableFuture.completedFuture(null);
          for (Event event : events) {
            chunk.add(event);
            if (chunk.size() == CHUNK) {
              await(previous);
              List<Event> full = chunk;
              previous =
                  indexingThread.submit(
                      () -> {
                        indexer.index(full);
                        return null;
                      });
              chunk = new ArrayList<>(CHUNK);
            }
          }
          await(previous);
          indexer.index(chunk);
          return new AppendResult(indexer.added, indexer.duplicates);
        });
  }

  private static final int CHUNK = 2048;

  private static void await(Future<?> future) throws IOException {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while appending events");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(cause);
    }
  }

  /** Writes chunks of one append in order; used by one thread at a time. */
  private static final class ChunkIndexer {
    private final IndexWriter writer;
    private final IdLookup stored;
    private final Consumer<Event> onNew;
    private final Set<String> inBatch = new HashSet<>();
    private final long committed;
    long added;
    long duplicates;

    ChunkIndexer(IndexWriter writer, IdLookup stored, Consumer<Event> onNew, long committed) {
      this.writer = writer;
      this.stored = stored;
      this.onNew = onNew;
      this.committed = committed;
    }

    void index(List<Event> chunk) throws IOException {
      for (Event event : chunk) {
        String id = event.id().value();
        if (!inBatch.add(id) || stored.contains(id)) {
          duplicates++;
          continue;
        }
        writer.addDocument(EventFields.toDocument(event, committed + added + 1));
        onNew.accept(event);
        added++;
      }
    }
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
  public List<Event> allOf(FanId fan) throws IOException {
    Query ofFan = new TermQuery(new Term(EventFields.FAN, fan.value()));
    return index.read(
        searcher ->
            read(searcher, searcher.search(ofFan, Math.max(1, searcher.count(ofFan))).scoreDocs));
  }

  @Override
  public List<Event> recent(FanId fan, int limit) throws IOException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    Query ofFan = new TermQuery(new Term(EventFields.FAN, fan.value()));
    return index.read(
        searcher -> {
          // One more than asked: if it has the time of the last one kept, the events of that time
          // go on past the limit, and which of them are kept is decided by id (the index has no
          // id doc values to sort on), so all of that time are read.
          ScoreDoc[] hits = searcher.search(ofFan, limit + 1, NEWEST_FIRST).scoreDocs;
          if (hits.length > limit) {
            long lastKept = time(hits[limit - 1]);
            if (time(hits[limit]) == lastKept) {
              Query fromLastKept =
                  new BooleanQuery.Builder()
                      .add(ofFan, BooleanClause.Occur.FILTER)
                      .add(
                          NumericDocValuesField.newSlowRangeQuery(
                              EventFields.TIME, lastKept, Long.MAX_VALUE),
                          BooleanClause.Occur.FILTER)
                      .build();
              hits = searcher.search(fromLastKept, searcher.count(fromLastKept)).scoreDocs;
            }
          }
          List<Event> events = read(searcher, hits);
          events.sort(NEWEST_THEN_BY_ID);
          return events.size() > limit ? List.copyOf(events.subList(0, limit)) : events;
        });
  }

  private static long time(ScoreDoc hit) {
    return (Long) ((FieldDoc) hit).fields[0];
  }

  /** The events of these hits, in doc order (doc values are read forwards). */
  private static List<Event> read(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    int[] docs = new int[hits.length];
    for (int i = 0; i < hits.length; i++) {
      docs[i] = hits[i].doc;
    }
    Arrays.sort(docs);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<Event> events = new ArrayList<>(docs.length);
    LeafEvents leaf = null;
    for (int doc : docs) {
      if (leaf == null || doc >= leaf.context.docBase + leaf.context.reader().maxDoc()) {
        leaf = new LeafEvents(leaves.get(ReaderUtil.subIndex(doc, leaves)));
      }
      events.add(leaf.event(doc - leaf.context.docBase));
    }
    return events;
  }

  /** The events of one segment, read forwards by doc id. */
  private static final class LeafEvents {
    final LeafReaderContext context;
    private final BinaryDocValues encoded;
    private StoredFields legacy;

    LeafEvents(LeafReaderContext context) throws IOException {
      this.context = context;
      this.encoded = context.reader().getBinaryDocValues(EventFields.EVENT);
    }

    Event event(int doc) throws IOException {
      if (encoded != null && encoded.advanceExact(doc)) {
        return EventCodec.decode(encoded.binaryValue());
      }
      if (legacy == null) {
        legacy = context.reader().storedFields();
      }
      return parseLegacy(legacy.document(doc).getBinaryValue(EventFields.LEGACY_SOURCE));
    }
  }

  private static Event parseLegacy(BytesRef source) {
    return Json.MAPPER.readValue(source.bytes, source.offset, source.length, Event.class);
  }

  @Override
  public long count() throws IOException {
    return index.read(searcher -> (long) searcher.getIndexReader().numDocs());
  }

  @Override
  public void forEach(Consumer<Event> visitor) throws IOException {
    index.read(
        searcher -> {
          for (LeafReaderContext context : searcher.getIndexReader().leaves()) {
            LeafEvents leaf = new LeafEvents(context);
            Bits live = context.reader().getLiveDocs();
            for (int doc = 0; doc < context.reader().maxDoc(); doc++) {
              if (live == null || live.get(doc)) {
                visitor.accept(leaf.event(doc));
              }
            }
          }
          return null;
        });
  }

  @Override
  public OptionalLong position() throws IOException {
    return OptionalLong.of(count());
  }

  @Override
  public Optional<EventId> idAt(long position) throws IOException {
    Query at = LongPoint.newExactQuery(EventFields.SEQ, position);
    return index.read(
        searcher -> {
          ScoreDoc[] hits = searcher.search(at, 2).scoreDocs;
          return hits.length == 1
              ? Optional.of(read(searcher, hits).getFirst().id())
              : Optional.<EventId>empty();
        });
  }

  @Override
  public void forEachAfter(long position, Consumer<Event> visitor) throws IOException {
    if (position == Long.MAX_VALUE) {
      return;
    }
    Query after = LongPoint.newRangeQuery(EventFields.SEQ, position + 1, Long.MAX_VALUE);
    index.read(
        searcher -> {
          Weight weight =
              searcher.createWeight(searcher.rewrite(after), ScoreMode.COMPLETE_NO_SCORES, 1);
          for (LeafReaderContext context : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(context);
            if (scorer == null) {
              continue;
            }
            LeafEvents leaf = new LeafEvents(context);
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = docs.nextDoc()) {
              visitor.accept(leaf.event(doc));
            }
          }
          return null;
        });
  }

  long sizeOnDisk() throws IOException {
    return index.sizeOnDisk();
  }

  @Override
  public void close() throws IOException {
    indexingThread.shutdownNow();
    index.close();
  }
}
