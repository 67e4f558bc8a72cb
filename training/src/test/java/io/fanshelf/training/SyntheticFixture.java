package io.fanshelf.training;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.IndexerOptions;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.recommender.RecommenderOptions;
import io.fanshelf.training.dataset.TrainingData;
import io.fanshelf.training.synthetic.SyntheticData;
import java.nio.file.Path;

/** A small generated data set (fixed seed), imported through the real importer. */
public final class SyntheticFixture implements AutoCloseable {
  public final Indexer indexer;
  public final TrainingData data;

  private SyntheticFixture(Indexer indexer, TrainingData data) {
    this.indexer = indexer;
    this.data = data;
  }

  /** 6,000 events of 300 fans on 400 products, seed 11. */
  public static SyntheticFixture open(Path dir) throws Exception {
    return open(dir, new SyntheticData(400, 300, 6_000, 11));
  }

  public static SyntheticFixture open(Path dir, SyntheticData spec) throws Exception {
    Path files = dir.resolve("files");
    spec.write(files);
    Indexer indexer = Indexer.open(IndexerOptions.of(dir.resolve("data")));
    indexer.importFiles(
        ImportRequest.none()
            .withTaxonomy(files.resolve("taxonomy.json"))
            .withOwners(files.resolve("owners.csv"))
            .withCatalog(files.resolve("catalog.csv"))
            .withFans(files.resolve("fans.csv"))
            .withLabels(files.resolve("labels.csv"))
            .withEvents(files.resolve("events.csv")),
        ImportListener.NONE);
    return new SyntheticFixture(indexer, TrainingData.load(indexer, RecommenderOptions.defaults()));
  }

  public Path dataDir() {
    return indexer.options().dataDir();
  }

  @Override
  public void close() throws java.io.IOException {
    indexer.close();
  }
}
