package io.fanshelf.api.shelf;

import io.fanshelf.api.store.SharedDocuments;
import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.Indexer;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/**
 * Share links: files under {@code <data>/api/links} on the embedded store, the cluster's {@code
 * <prefix>-api} index on Elasticsearch. The shelf cache is online state ({@link
 * io.fanshelf.api.redis.OnlineStateConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class ShelfConfiguration {
  @Bean
  ShareLinkStore shareLinkStore(
      FanShelfProperties properties, Indexer indexer, ObjectMapper mapper, Clock clock)
      throws IOException {
    var cluster = SharedDocuments.of(indexer);
    return cluster.isPresent()
        ? new ElasticsearchShareLinkStore(cluster.get(), mapper, clock)
        : new FileShareLinkStore(properties.apiDir(), mapper, clock);
  }
}
