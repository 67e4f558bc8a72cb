package io.fanshelf.indexer.store.elasticsearch;

import io.fanshelf.indexer.store.EventStoreContract;
import io.fanshelf.indexer.store.StoreBackend;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event store contract on a real Elasticsearch node in this JVM. */
class ElasticsearchEventStoreIT extends EventStoreContract {
  @RegisterExtension
  static final SharedNode NODE = new SharedNode(ElasticsearchOptions.Refresh.IMMEDIATE);

  @Override
  protected StoreBackend openBackend(Path dir) throws IOException {
    return ElasticsearchBackend.open(NODE.options(dir));
  }
}
