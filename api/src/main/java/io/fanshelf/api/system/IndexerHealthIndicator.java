package io.fanshelf.api.system;

import io.fanshelf.indexer.Indexer;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the data directory: up when the stores answer, with their counts; part of the readiness
 * group, so a node whose store fails is taken out of the load balancer.
 */
@Component
public class IndexerHealthIndicator extends AbstractHealthIndicator {
  private final Indexer indexer;

  public IndexerHealthIndicator(Indexer indexer) {
    super("the data directory could not be read");
    this.indexer = indexer;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    Indexer.Stats stats = indexer.stats();
    builder
        .up()
        .withDetail("backend", stats.backend())
        .withDetail("products", stats.products())
        .withDetail("fans", stats.fans())
        .withDetail("events", stats.events())
        .withDetail("owners", stats.owners())
        .withDetail("taxonomyVersion", stats.taxonomyVersion());
  }
}
