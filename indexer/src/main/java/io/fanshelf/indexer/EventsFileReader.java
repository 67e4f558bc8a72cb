package io.fanshelf.indexer;

import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRejectedException;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.ingest.Importer;
import io.fanshelf.indexer.model.Event;
import io.fanshelf.indexer.model.EventId;
import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.store.CatalogStore;
import io.fanshelf.indexer.store.EventStore;
import io.fanshelf.indexer.store.FanStore;
import io.fanshelf.indexer.store.MetadataStore;
import io.fanshelf.indexer.store.StoreBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads an events file (CSV or JSONL, as the importer reads events) through the importer's own
 * validation, into memory: products must exist in the data directory's catalog. Nothing is written
 * to the data directory. See {@link Indexer#readEventsFile}.
 */
final class EventsFileReader {
  private EventsFileReader() {}

  static List<Event> read(Path file, StoreBackend store)
      throws IOException, ImportRejectedException {
    List<Event> events = new ArrayList<>();
    StoreBackend capturing = new Capturing(store, events);
    new Importer(capturing, Clock.systemUTC(), e -> {})
        .run(ImportRequest.none().withEvents(file), ImportListener.NONE);
    return events;
  }

  /** The real catalog, fans and metadata (read only here); events collected in a list. */
  private record Capturing(StoreBackend store, List<Event> sink) implements StoreBackend {
    @Override
    public CatalogStore catalog() {
      return store.catalog();
    }

    @Override
    public FanStore fans() {
      return store.fans();
    }

    @Override
    public MetadataStore metadata() {
      return store.metadata();
    }

    @Override
    public String describe() {
      return "test events";
    }

    @Override
    public void close() {}

    @Override
    public EventStore events() {
      return new EventStore() {
        @Override
        public AppendResult append(Iterable<Event> batch, Consumer<Event> onNew) {
          long added = 0;
          for (Event event : batch) {
            sink.add(event);
            onNew.accept(event);
            added++;
          }
          return new AppendResult(added, 0);
        }

        @Override
        public boolean contains(EventId id) {
          return false;
        }

        @Override
        public List<Event> recent(FanId fan, int limit) {
          return List.of();
        }

        @Override
        public List<Event> allOf(FanId fan) {
          return List.of();
        }

        @Override
        public long count() {
          return sink.size();
        }

        @Override
        public void forEach(Consumer<Event> visitor) {
          sink.forEach(visitor);
        }

        @Override
        public void close() {}
      };
    }
  }
}
