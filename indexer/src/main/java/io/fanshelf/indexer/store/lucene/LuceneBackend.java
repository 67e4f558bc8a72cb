package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.store.CatalogStore;
import io.fanshelf.indexer.store.EventStore;
import io.fanshelf.indexer.store.FanStore;
import io.fanshelf.indexer.store.MetadataStore;
import io.fanshelf.indexer.store.StoreBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.util.IOUtils;

/**
 * The embedded default backend: everything under one data directory.
 *
 * <pre>
 * DIR/catalog/    Lucene index of products
 * DIR/fans/       Lucene index of (owner, fan) profiles with labels
 * DIR/events/     Lucene index used as the append-only event log
 * DIR/taxonomy/   v1.json, v2.json ... one file per taxonomy version
 * DIR/owners.json the owners
 * </pre>
 *
 * <p>Only one process may open a data directory at a time (Lucene's write lock enforces it).
 * Thread-safe. Closing it closes the stores.
 */
public final class LuceneBackend implements StoreBackend {
  private final Path dataDir;
  private final LuceneCatalogStore catalog;
  private final LuceneFanStore fans;
  private final LuceneEventStore events;
  private final LocalMetadataStore metadata;

  private LuceneBackend(Path dataDir) throws IOException {
    this.dataDir = dataDir;
    LuceneCatalogStore openedCatalog = null;
    LuceneFanStore openedFans = null;
    LuceneEventStore openedEvents = null;
    try {
      openedCatalog = new LuceneCatalogStore(dataDir.resolve("catalog"));
      openedFans = new LuceneFanStore(dataDir.resolve("fans"));
      openedEvents = new LuceneEventStore(dataDir.resolve("events"));
      this.metadata = new LocalMetadataStore(dataDir);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(openedCatalog, openedFans, openedEvents);
      throw e;
    }
    this.catalog = openedCatalog;
    this.fans = openedFans;
    this.events = openedEvents;
  }

  /** Opens (creating if needed) the data directory. */
  public static LuceneBackend open(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    return new LuceneBackend(dataDir.toAbsolutePath().normalize());
  }

  @Override
  public CatalogStore catalog() {
    return catalog;
  }

  @Override
  public FanStore fans() {
    return fans;
  }

  @Override
  public EventStore events() {
    return events;
  }

  @Override
  public MetadataStore metadata() {
    return metadata;
  }

  @Override
  public String describe() {
    return "lucene:" + dataDir;
  }

  /** Bytes on disk per index, for stats and benchmarks. */
  public record DiskUsage(long catalogBytes, long fanBytes, long eventBytes) {}

  public DiskUsage diskUsage() throws IOException {
    return new DiskUsage(catalog.sizeOnDisk(), fans.sizeOnDisk(), events.sizeOnDisk());
  }

  @Override
  public void close() throws IOException {
    IOUtils.close(catalog, fans, events);
  }
}
