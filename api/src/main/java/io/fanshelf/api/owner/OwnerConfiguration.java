package io.fanshelf.api.owner;

import io.fanshelf.api.store.SharedDocuments;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.Indexer;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/**
 * The owner stores: files under {@code <data>/api} on the embedded store, the cluster's {@code
 * <prefix>-api} index on Elasticsearch.
 */
@Configuration(proxyBeanMethods = false)
public class OwnerConfiguration {
  @Bean
  SegmentStore segmentStore(FanShelfProperties properties, Indexer indexer, ObjectMapper mapper)
      throws IOException {
    var cluster = SharedDocuments.of(indexer);
    return cluster.isPresent()
        ? new ElasticsearchSegmentStore(cluster.get(), mapper)
        : new FileSegmentStore(properties.apiDir(), mapper);
  }

  @Bean
  CurationStore curationStore(FanShelfProperties properties, Indexer indexer, ObjectMapper mapper)
      throws IOException {
    var cluster = SharedDocuments.of(indexer);
    return cluster.isPresent()
        ? new ElasticsearchCurationStore(cluster.get(), mapper)
        : new FileCurationStore(properties.apiDir(), mapper);
  }
}
