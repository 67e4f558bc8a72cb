package io.fanshelf.indexer.store.lucene;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * One Lucene index on disk with a single writer and near-real-time searchers.
 *
 * <p>Thread-safe. Writes go through {@link #write}, which serialises them, commits, and refreshes
 * the searchers before returning; reads go through {@link #read}, which acquires and releases a
 * searcher. The owner of this object closes it.
 */
final class LuceneIndex implements Closeable {
  // Documents per range of a parallel read: few enough ranges that each starts one block
  // decompression, enough that threads finishing early take another.
  private static final int RANGE_DOCS = 8_192;

  private final Directory directory;
  private final Analyzer analyzer;
  private final Optional<Sort> indexSort;
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile IndexWriter writer;
  private volatile SearcherManager searchers;

  LuceneIndex(Path path, Analyzer analyzer, Optional<Sort> indexSort) throws IOException {
    this.directory = FSDirectory.open(path);
    this.analyzer = analyzer;
    this.indexSort = indexSort;
    openWriter();
  }

  private void openWriter() throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    // Segments flushed before a commit are not visible after a crash; only commits count.
    config.setCommitOnClose(false);
    indexSort.ifPresent(config::setIndexSort);
    writer = new IndexWriter(directory, config);
    if (!org.apache.lucene.index.DirectoryReader.indexExists(directory)) {
      writer.commit();
    }
    searchers = new SearcherManager(writer, null);
  }

  /** A unit of work on the writer; it must not commit, {@link #write} does. */
  @FunctionalInterface
  interface WriteAction<T> {
    T apply(IndexWriter writer, IndexSearcher committed) throws IOException;
  }

  /** A read against the latest refreshed searcher. */
  @FunctionalInterface
  interface ReadAction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /**
   * Runs {@code action} under the write lock, then commits and refreshes. If the action or the
   * commit fails, everything since the last commit is rolled back and the exception propagates. The
   * action also receives a searcher over the state before it started.
   */
  <T> T write(WriteAction<T> action) throws IOException {
    writeLock.lock();
    try {
      SearcherManager manager = searchers;
      IndexSearcher before = manager.acquire();
      T result;
      try {
        result = action.apply(writer, before);
        writer.commit();
      } catch (IOException | RuntimeException | Error e) {
        rollback(e);
        throw e;
      } finally {
        manager.release(before);
      }
      searchers.maybeRefreshBlocking();
      return result;
    } finally {
      writeLock.unlock();
    }
  }

  private void rollback(Throwable cause) {
    // Readers keep using the old searchers (they show the last commit) until the new ones are
    // published; only then are the old ones closed, so a read never finds them closed for good.
    SearcherManager old = searchers;
    try {
      writer.rollback();
      openWriter();
      old.close();
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  <T> T read(ReadAction<T> action) throws IOException {
    while (true) {
      SearcherManager manager = searchers;
      IndexSearcher searcher;
      try {
        searcher = manager.acquire();
      } catch (AlreadyClosedException e) {
        if (manager != searchers) {
          continue; // a rollback replaced the searchers while we acquired; use the new ones
        }
        throw e;
      }
      try {
        return action.apply(searcher);
      } finally {
        manager.release(searcher);
      }
    }
  }

  /** Receives one stored field's bytes per live document. */
  @FunctionalInterface
  interface SourceVisitor {
    void accept(BytesRef source) throws IOException;
  }

  /** Visits the stored field {@code field} of every live document, in index order. */
  void forEachStored(String field, SourceVisitor visitor) throws IOException {
    read(
        searcher -> {
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            new DocRange(leaf, 0, leaf.reader().maxDoc()).visit(field, visitor);
          }
          return null;
        });
  }

  /** Maps one stored field's bytes to a value. */
  @FunctionalInterface
  interface SourceMapper<T> {
    T apply(BytesRef source) throws IOException;
  }

  /**
   * The stored field {@code field} of every live document mapped by {@code mapper}, in index order,
   * read on up to {@code threads} threads: each takes ranges of {@value #RANGE_DOCS} documents and
   * reads each range in order. Mapping (parsing) costs more than reading, and a server's start
   * waits for the whole catalog to be read.
   */
  <T> List<T> mapStored(String field, int threads, SourceMapper<T> mapper) throws IOException {
    return read(
        searcher -> {
          List<DocRange> ranges = new ArrayList<>();
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            for (int from = 0; from < leaf.reader().maxDoc(); from += RANGE_DOCS) {
              ranges.add(
                  new DocRange(leaf, from, Math.min(leaf.reader().maxDoc(), from + RANGE_DOCS)));
            }
          }
          List<T> mapped = new ArrayList<>();
          if (threads <= 1 || ranges.size() <= 1) {
            for (DocRange range : ranges) {
              range.visit(field, source -> mapped.add(mapper.apply(source)));
            }
            return mapped;
          }
          ThreadFactory factory =
              Thread.ofPlatform().daemon().name("lucene-stored-read-", 0).factory();
          try (ExecutorService pool =
              Executors.newFixedThreadPool(Math.min(threads, ranges.size()), factory)) {
            List<Future<List<T>>> parts = new ArrayList<>();
            for (DocRange range : ranges) {
              parts.add(
                  pool.submit(
                      () -> {
                        List<T> part = new ArrayList<>();
                        range.visit(field, source -> part.add(mapper.apply(source)));
                        return part;
                      }));
            }
            for (Future<List<T>> part : parts) {
              mapped.addAll(part.get());
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + field, e);
          } catch (ExecutionException e) {
            switch (e.getCause()) {
              case IOException io -> throw io;
              case RuntimeException runtime -> throw runtime;
              case Error error -> throw error;
              default -> throw new IOException(e.getCause());
            }
          }
          return mapped;
        });
  }

  /**
   * Documents [from, to) of one segment, read in order. Made on the thread that holds the searcher:
   * the merge instance it takes reads documents in order and decompresses each block of stored
   * fields once, where the random-access reader decompresses it again for every document.
   */
  private static final class DocRange {
    private final StoredFields fields;
    private final Bits live;
    private final int from;
    private final int to;

    DocRange(LeafReaderContext leaf, int from, int to) throws IOException {
      this.fields =
          leaf.reader() instanceof CodecReader codec && codec.getFieldsReader() != null
              ? codec.getFieldsReader().getMergeInstance()
              : leaf.reader().storedFields();
      this.live = leaf.reader().getLiveDocs();
      this.from = from;
      this.to = to;
    }

    void visit(String field, SourceVisitor visitor) throws IOException {
      for (int doc = from; doc < to; doc++) {
        if (live == null || live.get(doc)) {
          visitor.accept(fields.document(doc).getBinaryValue(field));
        }
      }
    }
  }

  /**
   * A document's source bytes, read from the binary doc values {@code field}; in documents written
   * before the source moved there, from the stored field {@code legacyStored}. Doc values read the
   * bytes in place, where a stored field decompresses a block of documents for each one.
   *
   * @param doc a document id of {@code searcher}'s reader
   */
  static BytesRef source(IndexSearcher searcher, int doc, String field, String legacyStored)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues values = leaf.reader().getBinaryDocValues(field);
    int local = doc - leaf.docBase;
    if (values != null && values.advanceExact(local)) {
      return values.binaryValue();
    }
    return leaf.reader().storedFields().document(local).getBinaryValue(legacyStored);
  }

  /** Visits the source of every live document as {@link #source} reads it, in index order. */
  void forEachSource(String field, String legacyStored, SourceVisitor visitor) throws IOException {
    read(
        searcher -> {
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            BinaryDocValues values = leaf.reader().getBinaryDocValues(field);
            StoredFields legacy = null;
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
              if (live != null && !live.get(doc)) {
                continue;
              }
              if (values != null && values.advanceExact(doc)) {
                visitor.accept(values.binaryValue());
              } else {
                if (legacy == null) {
                  legacy = leaf.reader().storedFields();
                }
                visitor.accept(legacy.document(doc).getBinaryValue(legacyStored));
              }
            }
          }
          return null;
        });
  }

  /** Size of the committed index files in bytes. */
  long sizeOnDisk() throws IOException {
    long total = 0;
    for (String file : directory.listAll()) {
      try {
        total += directory.fileLength(file);
      } catch (java.nio.file.NoSuchFileException e) {
        // merged away between listing and measuring
      }
    }
    return total;
  }

  @Override
  public void close() throws IOException {
    writeLock.lock();
    try {
      searchers.close();
      // Uncommitted changes are discarded on purpose: only acknowledged writes are kept.
      writer.rollback();
      directory.close();
    } finally {
      writeLock.unlock();
    }
  }
}
