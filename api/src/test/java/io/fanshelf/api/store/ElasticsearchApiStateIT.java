package io.fanshelf.api.store;

import io.fanshelf.api.auth.ElasticsearchAccountStore;
import io.fanshelf.api.auth.ElasticsearchApiKeyStore;
import io.fanshelf.api.auth.ElasticsearchTokenStore;
import io.fanshelf.api.owner.ElasticsearchCurationStore;
import io.fanshelf.api.owner.ElasticsearchSegmentStore;
import io.fanshelf.api.shelf.ElasticsearchShareLinkStore;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchBackend;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchDocuments;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchOptions;
import io.fanshelf.indexer.store.elasticsearch.SharedNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API state contract on a real Elasticsearch node: each {@link #reopen} opens another backend
 * (its own HTTP client, as another API node has) on the same index prefix.
 */
class ElasticsearchApiStateIT extends ApiStateContract {
  @RegisterExtension
  static final SharedNode NODE = new SharedNode(ElasticsearchOptions.Refresh.WAIT_FOR);

  @TempDir Path dir;

  private final List<ElasticsearchBackend> backends = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (ElasticsearchBackend backend : backends) {
      backend.close();
    }
  }

  @Override
  protected Stores open() throws Exception {
    return reopen();
  }

  @Override
  protected Stores reopen() throws Exception {
    ElasticsearchBackend backend = ElasticsearchBackend.open(NODE.options(dir));
    backends.add(backend);
    ElasticsearchDocuments documents = backend.apiDocuments();
    return new Stores(
        new ElasticsearchAccountStore(documents, MAPPER),
        new ElasticsearchApiKeyStore(documents, MAPPER, clock),
        new ElasticsearchTokenStore(documents, MAPPER, clock),
        new ElasticsearchSegmentStore(documents, MAPPER),
        new ElasticsearchCurationStore(documents, MAPPER),
        new ElasticsearchShareLinkStore(documents, MAPPER, clock));
  }
}
