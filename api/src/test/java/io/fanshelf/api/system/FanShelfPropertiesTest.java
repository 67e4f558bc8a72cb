package io.fanshelf.api.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.aggregate.AggregateOptions;
import io.fanshelf.indexer.model.EventType;
import io.fanshelf.indexer.model.FeedbackPolicy;
import io.fanshelf.indexer.store.elasticsearch.ElasticsearchOptions;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.recommender.Section;
import io.fanshelf.recommender.rules.RuleOptions;
import io.fanshelf.recommender.settings.RankingSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * Binding and validation of fanshelf.store.*, fanshelf.elasticsearch.* and the ranking keys
 * (fanshelf.recommend.*, fanshelf.feedback.*, fanshelf.aggregates.*): the properties alone, not the
 * whole service. A refused value stops the start with a report naming its key.
 */
@ExtendWith(OutputCaptureExtension.class)
class FanShelfPropertiesTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Bind.class);

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(FanShelfProperties.class)
  @ImportAutoConfiguration(ValidationAutoConfiguration.class)
  static class Bind {}

  private CapturedOutput output;

  @BeforeEach
  void captureOutput(CapturedOutput captured) {
    this.output = captured;
  }

  @Test
  void theDefaultIsTheEmbeddedLuceneStore() {
    runner.run(
        context -> {
          FanShelfProperties properties = context.getBean(FanShelfProperties.class);
          assertFalse(properties.store().elasticsearch());
          assertEquals(Duration.ofMinutes(10), properties.store().aggregatesSnapshotInterval());
          FanShelfProperties.Elasticsearch es = properties.elasticsearch();
          assertEquals(List.of(), es.hosts());
          assertEquals("", es.indexPrefix());
          assertEquals(new FanShelfProperties.Elasticsearch.Shards(1, 1, 1), es.shards());
          assertEquals(1, es.replicas());
          assertEquals("wait_for", es.refresh());
          assertEquals(Duration.ofSeconds(1), es.refreshInterval());
          assertEquals(Duration.ofSeconds(30), es.requestTimeout());
          assertEquals(Duration.ofDays(7), es.eventPeriod());
          assertEquals(Duration.ZERO, es.eventRetention(), "events are kept unless told");
        });
  }

  @Test
  void everyElasticsearchKeyBindsIntoTheBackendOptions() {
    runner
        .withPropertyValues(
            "fanshelf.store.backend=elasticsearch",
            "fanshelf.elasticsearch.hosts=https://es-1:9200,https://es-2:9200",
            "fanshelf.elasticsearch.index-prefix=shop_prod-1",
            "fanshelf.elasticsearch.shards.catalog=2",
            "fanshelf.elasticsearch.shards.fans=4",
            "fanshelf.elasticsearch.shards.events=24",
            "fanshelf.elasticsearch.replicas=2",
            "fanshelf.elasticsearch.refresh=immediate",
            "fanshelf.elasticsearch.refresh-interval=5s",
            "fanshelf.elasticsearch.request-timeout=2m",
            "fanshelf.elasticsearch.api-key=c2VjcmV0OmtleQ==",
            "fanshelf.elasticsearch.event-period=14d",
            "fanshelf.elasticsearch.event-retention=42d")
        .run(
            context -> {
              FanShelfProperties properties = context.getBean(FanShelfProperties.class);
              assertTrue(properties.store().elasticsearch());
              ElasticsearchOptions options = properties.elasticsearch().options();
              assertEquals(
                  new ElasticsearchOptions(
                      List.of(URI.create("https://es-1:9200"), URI.create("https://es-2:9200")),
                      "shop_prod-1",
                      2,
                      4,
                      24,
                      2,
                      ElasticsearchOptions.Refresh.IMMEDIATE,
                      Duration.ofSeconds(5),
                      Duration.ofMinutes(2),
                      Optional.of("c2VjcmV0OmtleQ=="),
                      Duration.ofDays(14),
                      Optional.of(Duration.ofDays(42))),
                  options);
              assertFalse(properties.elasticsearch().toString().contains("c2VjcmV0"));
            });
  }

  @Test
  void theElasticsearchBackendNeedsHostsAndAPrefix() {
    assertRefused(
        "fanshelf.elasticsearch.hosts and fanshelf.elasticsearch.index-prefix must be set",
        "fanshelf.store.backend=elasticsearch");
    assertRefused(
        "fanshelf.elasticsearch.hosts and fanshelf.elasticsearch.index-prefix must be set",
        "fanshelf.store.backend=elasticsearch",
        "fanshelf.elasticsearch.hosts=http://localhost:9200");
  }

  @Test
  void aBadValueIsRefusedNamingItsKey() {
    assertRefused("must be lucene or elasticsearch", "fanshelf.store.backend=mongodb");
    assertRefused("fanshelf.store.backend", "fanshelf.store.backend=mongodb");
    assertRefused("fanshelf.elasticsearch.hosts[0]", "fanshelf.elasticsearch.hosts=es-1:9200");
    assertRefused(
        "fanshelf.elasticsearch.hosts[1]",
        "fanshelf.elasticsearch.hosts=http://es-1:9200,http://es-2:9200/path");
    assertRefused(
        "fanshelf.elasticsearch.index-prefix", "fanshelf.elasticsearch.index-prefix=Fan Shelf");
    assertRefused("fanshelf.elasticsearch.shards.events", "fanshelf.elasticsearch.shards.events=0");
    assertRefused("fanshelf.elasticsearch.replicas", "fanshelf.elasticsearch.replicas=-1");
    assertRefused("must be wait_for or immediate", "fanshelf.elasticsearch.refresh=never");
    assertRefused(
        "fanshelf.elasticsearch.request-timeout", "fanshelf.elasticsearch.request-timeout=0s");
    assertRefused(
        "fanshelf.elasticsearch.refresh-interval", "fanshelf.elasticsearch.refresh-interval=2h");
    assertRefused(
        "fanshelf.store.aggregates-snapshot-interval",
        "fanshelf.store.aggregates-snapshot-interval=-1s");
  }

  @Test
  void theDocumentedRankingDefaultsAreTheCodesDefaults() {
    runner
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .run(
            context -> {
              RankingSettings ranking = context.getBean(FanShelfProperties.class).ranking();
              assertEquals(RecommenderOptions.defaults(), ranking.recommenderOptions());
              IndexerOptions indexer = ranking.indexerOptions(Path.of("data"));
              assertEquals(FeedbackPolicy.defaults(), indexer.feedback());
              assertEquals(AggregateOptions.defaults(), indexer.aggregates());
            });
  }

  @Test
  void everyRankingKeyReachesTheOptionRecords() {
    runner
        .withPropertyValues(
            "fanshelf.recommend.sources.for-you=label-match,popular",
            "fanshelf.recommend.fallback=popular",
            "fanshelf.recommend.budget-per-source=50",
            "fanshelf.recommend.min-candidates=10",
            "fanshelf.recommend.history-limit=30",
            "fanshelf.recommend.leaders-refresh=5m",
            "fanshelf.recommend.rules.repurchase-after=30d",
            "fanshelf.recommend.rules.durable-categories=家居/家具",
            "fanshelf.recommend.rules.frequency-cap=0",
            "fanshelf.recommend.rules.frequency-cap-rest=1d",
            "fanshelf.recommend.rules.max-per-category=2",
            "fanshelf.recommend.rules.diversity-window=10",
            "fanshelf.recommend.rules.top-max-per-category=2",
            "fanshelf.recommend.rules.top-window=4",
            "fanshelf.recommend.rules.collapse-same-title=false",
            "fanshelf.recommend.rules.family-attribute=series",
            "fanshelf.feedback.weights.view=0",
            "fanshelf.feedback.minimum-values.rating=3",
            "fanshelf.aggregates.popularity-half-life=7d",
            "fanshelf.aggregates.trend-half-life=1d",
            "fanshelf.aggregates.affinity-half-life=60d",
            "fanshelf.aggregates.co-window=5",
            "fanshelf.aggregates.co-max-gap=1d",
            "fanshelf.aggregates.neighbours=20",
            "fanshelf.aggregates.leaderboard-size=100",
            "fanshelf.aggregates.lift-prior=2.5")
        .run(
            context -> {
              RankingSettings ranking = context.getBean(FanShelfProperties.class).ranking();
              RecommenderOptions recommender = ranking.recommenderOptions();
              assertEquals(
                  List.of("label-match", "popular"), recommender.sources().get(Section.FOR_YOU));
              assertEquals(
                  RecommenderOptions.defaults().sources().get(Section.NEW_ARRIVALS),
                  recommender.sources().get(Section.NEW_ARRIVALS));
              assertEquals(List.of("popular"), recommender.fallback());
              assertEquals(50, recommender.budgetPerSource());
              assertEquals(10, recommender.minCandidates());
              assertEquals(30, recommender.historyLimit());
              assertEquals(Duration.ofMinutes(5), recommender.leadersRefresh());
              assertEquals(
                  new RuleOptions(
                      Duration.ofDays(30),
                      List.of("家居/家具"),
                      0,
                      Duration.ofDays(1),
                      2,
                      10,
                      2,
                      4,
                      false,
                      "series"),
                  recommender.rules());
              IndexerOptions indexer = ranking.indexerOptions(Path.of("data"));
              assertEquals(0.0, indexer.feedback().weights().get(EventType.VIEW));
              assertEquals(1.0, indexer.feedback().weights().get(EventType.PURCHASE));
              assertEquals(3.0, indexer.feedback().minimumValues().get(EventType.RATING));
              assertEquals(
                  new AggregateOptions(
                      Duration.ofDays(7),
                      Duration.ofDays(1),
                      Duration.ofDays(60),
                      5,
                      Duration.ofDays(1),
                      20,
                      100,
                      2.5),
                  indexer.aggregates());
            });
  }

  @Test
  void aBadRankingValueIsRefusedNamingItsKey() {
    assertRefused(
        "fanshelf.recommend.sources.for-you: unknown candidate source 'trending'",
        "fanshelf.recommend.sources.for-you=popular,trending");
    assertRefused(
        "fanshelf.recommend.sources.for-me: expected one of for-you",
        "fanshelf.recommend.sources.for-me=popular");
    assertRefused(
        "fanshelf.recommend.fallback: unknown candidate source", "fanshelf.recommend.fallback=x");
    assertRefused(
        "fanshelf.recommend.budget-per-source: must be between 1 and 5000, got 0",
        "fanshelf.recommend.budget-per-source=0");
    assertRefused(
        "fanshelf.recommend.rules.frequency-cap: must be >= 0, got -1",
        "fanshelf.recommend.rules.frequency-cap=-1");
    assertRefused(
        "fanshelf.recommend.rules.top-window: must be >= 1, got 0",
        "fanshelf.recommend.rules.top-window=0");
    assertRefused(
        "fanshelf.feedback.weights.purchase: must be in [0, 10], got 11.0",
        "fanshelf.feedback.weights.purchase=11");
    assertRefused(
        "fanshelf.feedback.weights.teleport: expected one of impression",
        "fanshelf.feedback.weights.teleport=1");
    assertRefused(
        "fanshelf.aggregates.trend-half-life: must be shorter than the popularity half-life",
        "fanshelf.aggregates.trend-half-life=30d");
    assertRefused(
        "fanshelf.aggregates.co-window: must be between 1 and 100, got 0",
        "fanshelf.aggregates.co-window=0");
    assertRefused("fanshelf.aggregates.lift-prior", "fanshelf.aggregates.lift-prior=much");
  }

  /**
   * The application does not start with these command-line arguments, and the report it prints
   * (Spring Boot's failure analysis) names {@code expected}.
   */
  private void assertRefused(String expected, String... arguments) {
    List<String> args = new ArrayList<>(List.of(arguments));
    for (int i = 0; i < args.size(); i++) {
      args.set(i, "--" + args.get(i));
    }
    // Not application.yml: its log file would land in the working directory.
    args.add("--spring.config.name=fanshelf-properties-test");
    args.add("--spring.main.banner-mode=off");
    int before = output.getAll().length();
    SpringApplication app =
        new SpringApplicationBuilder(Bind.class).web(WebApplicationType.NONE).build();
    assertThrows(RuntimeException.class, () -> app.run(args.toArray(String[]::new)).close());
    String report = output.getAll().substring(before);
    assertTrue(report.contains("APPLICATION FAILED TO START"), report);
    // The report names the key as bound; a field checked after binding in its Java spelling.
    String camel =
        Pattern.compile("-([a-z])")
            .matcher(expected)
            .replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
    assertTrue(
        report.contains(expected) || report.contains(camel),
        () -> "expected '" + expected + "' in:\n" + report);
  }
}
