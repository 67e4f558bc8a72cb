package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.store.MetadataStoreContract;
import io.fanshelf.indexer.store.StoreBackend;
import java.io.IOException;
import java.nio.file.Path;

/** The metadata contract on the embedded backend's taxonomy and owner files. */
class LuceneMetadataStoreTest extends MetadataStoreContract {
  @Override
  protected StoreBackend openBackend(Path dir) throws IOException {
    return LuceneBackend.open(dir);
  }
}
