package io.fanshelf.indexer.store.elasticsearch;

import io.fanshelf.indexer.store.CatalogStoreContract;
import io.fanshelf.indexer.store.StoreBackend;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalog store contract on a real Elasticsearch node in this JVM. */
class ElasticsearchCatalogStoreIT extends CatalogStoreContract {
  @RegisterExtension
  static final SharedNode NODE = new SharedNode(ElasticsearchOptions.Refresh.IMMEDIATE);

  @Override
  protected StoreBackend openBackend(Path dir) throws IOException {
    return ElasticsearchBackend.open(NODE.options(dir));
  }
}
