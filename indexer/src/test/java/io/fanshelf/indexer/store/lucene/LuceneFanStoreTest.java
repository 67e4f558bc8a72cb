package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.store.FanStoreContract;
import io.fanshelf.indexer.store.StoreBackend;
import java.io.IOException;
import java.nio.file.Path;

/** The fan store contract on the embedded Lucene backend, on a real directory. */
class LuceneFanStoreTest extends FanStoreContract {
  @Override
  protected StoreBackend openBackend(Path dir) throws IOException {
    return LuceneBackend.open(dir);
  }
}
