package io.fanshelf.api.system;

import io.fanshelf.indexer.AggregatesFeed;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.store.MetadataReader;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchBackend;
import io.fanshelf.recommender.Recommender;
import io.fanshelf.recommender.activity.RecentActivity;
import io.fanshelf.recommender.activity.StoredHistory;
import io.fanshelf.recommender.ranking.RankingModel;
import io.fanshelf.recommender.rules.CurationLookup;
import io.fanshelf.recommender.settings.FeatureSettings;
import io.fanshelf.training.registry.ModelRegistry;
import io.fanshelf.training.registry.ModelWatch;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plain-Java core the service runs on: the {@link Indexer} over the configured store (closed
 * with the context) and the {@link Recommender} over it, both with the ranking settings of {@code
 * fanshelf.recommend.*}, {@code fanshelf.feedback.*} and {@code fanshelf.aggregates.*}.
 */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The indexer over the configured store: the embedded Lucene backend under the data directory, or
   * the Elasticsearch cluster of {@code fanshelf.elasticsearch.*}, shared with the other nodes
   * through the {@link AggregatesFeed} when there is one (Redis). The data directory holds the
   * API's own files either way.
   */
  @Bean(destroyMethod = "close")
  Indexer indexer(FanShelfProperties properties, Clock clock, ObjectProvider<AggregatesFeed> feed)
      throws IOException {
    Files.createDirectories(properties.dataDir());
    IndexerOptions options =
        properties
            .ranking()
            .indexerOptions(properties.dataDir())
            .withClock(clock)
            .withLiveAggregates()
            .withSnapshotInterval(properties.store().aggregatesSnapshotInterval());
    return properties.store().elasticsearch()
        ? openOnElasticsearch(options, properties.elasticsearch(), feed.getIfAvailable())
        : Indexer.open(options);
  }

  private static Indexer openOnElasticsearch(
      IndexerOptions options, FanShelfProperties.Elasticsearch elasticsearch, AggregatesFeed feed)
      throws IOException {
    ElasticsearchBackend backend = ElasticsearchBackend.open(elasticsearch.options());
    try {
      return feed == null
          ? Indexer.open(options, backend)
          : Indexer.openShared(options, backend, feed);
    } catch (IOException | RuntimeException e) {
      try {
        backend.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  @Bean
  MetadataReader metadataStore(Indexer indexer) {
    return indexer.store().metadata();
  }

  /** The recommender with {@code fanshelf.recommend.*}'s sources, budgets and rules. */
  @Bean
  Recommender recommender(
      Indexer indexer,
      FanShelfProperties properties,
      CurationLookup curation,
      RecentActivity recentActivity,
      StoredHistory storedHistory)
      throws IOException {
    return Recommender.open(
        indexer,
        properties.ranking().recommenderOptions(),
        curation,
        recentActivity,
        storedHistory);
  }

  @Bean
  ModelRegistry modelRegistry(FanShelfProperties properties) {
    return new ModelRegistry(properties.dataDir());
  }

  /**
   * Keeps the recommender on the current model (published, else validated): polls the registry's
   * pointers every 10 seconds (a publish from the training CLI on the same data directory), and the
   * admin endpoints refresh it at once. A model trained with other feature settings than this
   * server's is refused, the log naming the differing keys.
   */
  @Bean(destroyMethod = "close")
  ModelWatch modelWatch(ModelRegistry registry, Indexer indexer, Recommender recommender)
      throws IOException {
    FeatureSettings serving =
        FeatureSettings.of(
            indexer.options().feedback(), indexer.options().aggregates(), recommender.options());
    ModelWatch watch = registry.watcher(recommender.rankings(), RankingModel.popularity(), serving);
    watch.refresh();
    return watch.start(Duration.ofSeconds(10));
  }
}
