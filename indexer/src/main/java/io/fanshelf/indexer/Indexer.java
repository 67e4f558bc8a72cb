package io.fanshelf.indexer;

import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.ingest.ImportSummary;
import io.fanshelf.indexer.ingest.Importer;
import io.fanshelf.indexer.store.StoreBackend;
import io.fanshelf.indexer.store.lucene.LuceneBackend;
import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A FanShelf data directory, opened: the store backend plus ingestion. Thread-safe; imports are
 * serialised. Close it to release the directory.
 */
public final class Indexer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

  private final IndexerOptions options;
  private final StoreBackend store;

  private Indexer(IndexerOptions options, StoreBackend store) {
    this.options = options;
    this.store = store;
  }

  /** Opens the data directory with the embedded Lucene backend. */
  public static Indexer open(IndexerOptions options) throws IOException {
    StoreBackend store = LuceneBackend.open(options.dataDir());
    LOG.info(
        "opened {}: {} products, {} fans, {} events, taxonomy v{}",
        store.describe(),
        store.catalog().count(),
        store.fans().count(),
        store.events().count(),
        store.metadata().taxonomy().version());
    return new Indexer(options, store);
  }

  public IndexerOptions options() {
    return options;
  }

  public StoreBackend store() {
    return store;
  }

  /**
   * Validates and applies files.
   *
   * @throws ImportRejectedException when any file has errors; nothing was applied then
   */
  public synchronized ImportSummary importFiles(ImportRequest request, ImportListener listener)
      throws ImportRejectedException, IOException {
    return new Importer(store, options.clock(), event -> {}).run(request, listener);
  }

  /** Counts for the CLI's stats command and health pages. */
  public record Stats(
      String backend,
      long products,
      long fans,
      long events,
      int owners,
      int taxonomyVersion,
      Optional<LuceneBackend.DiskUsage> disk) {}

  public Stats stats() throws IOException {
    Optional<LuceneBackend.DiskUsage> disk =
        store instanceof LuceneBackend lucene ? Optional.of(lucene.diskUsage()) : Optional.empty();
    return new Stats(
        store.describe(),
        store.catalog().count(),
        store.fans().count(),
        store.events().count(),
        store.metadata().owners().size(),
        store.metadata().taxonomy().version(),
        disk);
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
