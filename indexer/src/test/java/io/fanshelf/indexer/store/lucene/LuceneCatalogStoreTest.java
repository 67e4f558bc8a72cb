package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.store.CatalogStoreContract;
import io.fanshelf.indexer.store.StoreBackend;
import java.io.IOException;
import java.nio.file.Path;

/** The catalog contract on the embedded Lucene backend, on a real directory. */
class LuceneCatalogStoreTest extends CatalogStoreContract {
  @Override
  protected StoreBackend openBackend(Path dir) throws IOException {
    return LuceneBackend.open(dir);
  }
}
