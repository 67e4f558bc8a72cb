package io.fanshelf.api.demo;

import io.fanshelf.indexer.Indexer;
import io.fanshelf.indexer.ingest.ImportListener;
import io.fanshelf.indexer.ingest.ImportRequest;
import io.fanshelf.indexer.ingest.ImportSummary;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The demo's import: the data sets at a location ({@code classpath:demo/} in the jar), each
 * imported whole through the indexer like any import, with its progress in the log. The files at
 * the location come first (the grocery shops, taxonomy v1), then each folder's set in name order
 * (the beauty shop in {@code beauty/}, whose taxonomy v2 keeps the grocery dimensions). Not
 * thread-safe; runs once, at start.
 */
final class DemoImport {
  private static final Logger LOG = LoggerFactory.getLogger(DemoImport.class);

  private final Indexer indexer;

  DemoImport(Indexer indexer) {
    this.indexer = indexer;
  }

  /**
   * Imports every data set at {@code location} in order; returns the rows read.
   *
   * @throws IllegalStateException when the location holds no import files
   */
  long run(String demoData) throws Exception {
    long started = System.nanoTime();
    String location = demoData.endsWith("/") ? demoData : demoData + "/";
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, List<Resource>> sets = new TreeMap<>();
    sets.put("", List.of(resolver.getResources(location + "*")));
    for (Resource resource : resolver.getResources(location + "*/*")) {
      String url = resource.getURL().toString();
      String[] parts = url.split("/");
      if (parts.length >= 2) {
        sets.computeIfAbsent(parts[parts.length - 2], k -> new ArrayList<>()).add(resource);
      }
    }
    long rows = 0;
    for (Map.Entry<String, List<Resource>> set : sets.entrySet()) {
      rows += importSet(location + set.getKey(), set.getValue());
    }
    if (rows == 0) {
      throw new IllegalStateException(
          "no demo files at "
              + location
              + "; expected taxonomy, owners, catalog, fans, labels, events");
    }
    LOG.info(
        "demo data imported from {}: {} rows in {} ms",
        location,
        rows,
        (System.nanoTime() - started) / 1_000_000);
    return rows;
  }

  /** Imports one data set's files; returns the rows read, 0 when it has no import files. */
  private long importSet(String name, List<Resource> resources) throws Exception {
    Path dir = Files.createTempDirectory("fanshelf-demo-");
    try {
      ImportRequest request = ImportRequest.none();
      for (Resource resource : resources) {
        String file = resource.getFilename();
        if (file == null || file.isEmpty() || file.endsWith(".md") || !resource.isReadable()) {
          continue;
        }
        Path copy = dir.resolve(file);
        try (InputStream in = resource.getInputStream()) {
          Files.copy(in, copy);
        }
        String kind = file.substring(0, file.indexOf('.') < 0 ? file.length() : file.indexOf('.'));
        request =
            switch (kind) {
              case "taxonomy" -> request.withTaxonomy(copy);
              case "owners" -> request.withOwners(copy);
              case "catalog" -> request.withCatalog(copy);
              case "fans" -> request.withFans(copy);
              case "labels" -> request.withLabels(copy);
              case "events" -> request.withEvents(copy);
              default -> request;
            };
      }
      if (request.isEmpty()) {
        return 0;
      }
      LOG.info("demo import of {}: validating, then applying", name);
      ImportSummary summary = indexer.importFiles(request, new LoggedProgress(name));
      return summary.rowsRead();
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  /** Logs an import's progress: each file's progress every few seconds, and each file applied. */
  private static final class LoggedProgress implements ImportListener {
    private static final long EVERY_NANOS = 3_000_000_000L;
    private final String set;
    private long lastLogged = System.nanoTime();

    LoggedProgress(String set) {
      this.set = set;
    }

    @Override
    public void progress(String stage, String file, long bytesDone, long bytesTotal, long rows) {
      long now = System.nanoTime();
      if (now - lastLogged >= EVERY_NANOS) {
        lastLogged = now;
        LOG.info(
            "demo import of {}: {} {} {}% ({} rows)",
            set, stage, file, bytesTotal == 0 ? 100 : bytesDone * 100 / bytesTotal, rows);
      }
    }

    @Override
    public void applied(ImportSummary.FileSummary file) {
      LOG.info(
          "demo import of {}: {} {}: {} of {} rows in {} ms",
          set,
          file.kind(),
          file.file(),
          file.accepted(),
          file.rowsRead(),
          file.elapsed().toMillis());
    }
  }
}
