package io.fanshelf.recommender;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.recommender.rules.CurationLookup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The indexer's zh-CN beauty-home fixture (indexer test-jar), imported through the real importer
 * into a temporary data directory, with a recommender over it. "Now" is fixed after the fixture's
 * events.
 */
final class Fixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
  static final OwnerId LILY = OwnerId.of("shop-lily");
  static final OwnerId MU = OwnerId.of("shop-mu");
  static final OwnerId ANNA = OwnerId.of("shop-anna");

  final Indexer indexer;
  final Recommender recommender;

  private Fixture(Indexer indexer, Recommender recommender) {
    this.indexer = indexer;
    this.recommender = recommender;
  }

  static Fixture open(Path dir, RecommenderOptions options, CurationLookup curation)
      throws Exception {
    return open(dir, options, curation, true);
  }

  /** The fixture's shops, products, fans and labels, and not one event. */
  static Fixture openWithoutEvents(Path dir) throws Exception {
    return open(dir, RecommenderOptions.defaults(), CurationLookup.NONE, false);
  }

  private static Fixture open(
      Path dir, RecommenderOptions options, CurationLookup curation, boolean withEvents)
      throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    for (String name :
        new String[] {
          "taxonomy.json", "owners.csv", "catalog.jsonl", "fans.csv", "labels.csv", "events.jsonl"
        }) {
      try (InputStream in = Fixture.class.getResourceAsStream("/fixtures/beauty-home/" + name)) {
        if (in == null) {
          throw new IOException("fixture file " + name + " is not on the test classpath");
        }
        Files.copy(in, files.resolve(name));
      }
    }
    Indexer indexer =
        Indexer.open(
            IndexerOptions.of(dir.resolve("data")).withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    ImportRequest request =
        ImportRequest.none()
            .withTaxonomy(files.resolve("taxonomy.json"))
            .withOwners(files.resolve("owners.csv"))
            .withCatalog(files.resolve("catalog.jsonl"))
            .withFans(files.resolve("fans.csv"))
            .withLabels(files.resolve("labels.csv"));
    indexer.importFiles(
        withEvents ? request.withEvents(files.resolve("events.jsonl")) : request,
        ImportListener.NONE);
    return new Fixture(indexer, Recommender.open(indexer, options, curation));
  }

  static Fixture open(Path dir) throws Exception {
    return open(dir, RecommenderOptions.defaults(), CurationLookup.NONE);
  }

  @Override
  public void close() throws IOException {
    indexer.close();
  }
}
