package io.fanshelf.api.shelf;

import io.fanshelf.api.system.FanShelfProperties;
import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.model.Owner;
import io.fanshelf.recommender.Recommender;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes the first fan page fast before the service reports itself ready (Spring Boot's readiness
 * turns to accepting traffic only after the application runners): builds the event aggregates,
 * ranks one shelf into the shelf cache and renders its page once, without recording impressions. At
 * start it warms the newest active share link of the first owner that has one, or else waits for
 * the recommender's signals (built beside the rest of the start); demo mode warms the banner's link
 * itself, before printing the banner. Thread-safe.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class ShelfWarmup implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ShelfWarmup.class);

  private final Indexer indexer;
  private final Recommender recommender;
  private final ShelfService shelves;
  private final ShelfPages pages;
  private final ShareLinkStore links;
  private final boolean demo;

  public ShelfWarmup(
      Indexer indexer,
      Recommender recommender,
      ShelfService shelves,
      ShelfPages pages,
      ShareLinkStore links,
      FanShelfProperties properties) {
    this.indexer = indexer;
    this.recommender = recommender;
    this.shelves = shelves;
    this.pages = pages;
    this.links = links;
    this.demo = properties.demo();
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (demo) {
      return;
    }
    for (Owner owner : indexer.store().metadata().owners()) {
      Optional<ShareLink> link =
          links.list(owner.id()).reversed().stream().filter(ShareLink::active).findFirst();
      if (link.isPresent()) {
        warm(link.get(), owner);
        return;
      }
    }
    recommender.signals();
  }

  /** Ranks and renders the link's page once, as its first visitor would get it. */
  public void warm(ShareLink link, Owner owner) throws IOException {
    long started = System.nanoTime();
    indexer.aggregates();
    Shelf shelf = shelves.shelf(link);
    Locale locale = owner.locale();
    pages.html(link.token(), shelf, owner.name(), locale, "warm-up", false);
    LOG.info(
        "first fan page ready in {} ms (ranked with {}, {} sections)",
        (System.nanoTime() - started) / 1_000_000,
        shelf.ranker(),
        shelf.sections().size());
  }
}
