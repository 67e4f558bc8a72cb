package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.store.EventStoreContract;
import io.fanshelf.indexer.store.StoreBackend;
import java.io.IOException;
import java.nio.file.Path;

/** The event store contract on the embedded Lucene backend, on a real directory. */
class LuceneEventStoreTest extends EventStoreContract {
  @Override
  protected StoreBackend openBackend(Path dir) throws IOException {
    return LuceneBackend.open(dir);
  }
}
