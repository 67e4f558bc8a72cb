package io.fanshelf.indexer.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The files of one import; any may be absent. They are validated together and applied in the order
 * taxonomy, owners, catalog, fans, labels, events, so later files may refer to earlier ones.
 */
public record ImportRequest(
    Optional<Path> taxonomy,
    Optional<Path> owners,
    Optional<Path> catalog,
    Optional<Path> fans,
    Optional<Path> labels,
    Optional<Path> events) {

  public ImportRequest {
    Objects.requireNonNull(taxonomy, "taxonomy");
    Objects.requireNonNull(owners, "owners");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(fans, "fans");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(events, "events");
  }

  public static ImportRequest none() {
    return new ImportRequest(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Every file of {@code dir} found by its usual name: taxonomy.json (or .yaml, .yml); owners,
   * catalog, fans and events as .csv or .jsonl; labels.csv; each also gzipped (.gz). The first
   * spelling found in that order is taken; a kind with none is absent.
   */
  public static ImportRequest inDirectory(Path dir) {
    ImportRequest request = none();
    Optional<Path> found;
    if ((found = first(dir, "taxonomy", "json", "yaml", "yml")).isPresent()) {
      request = request.withTaxonomy(found.get());
    }
    if ((found = first(dir, "owners", "csv", "jsonl")).isPresent()) {
      request = request.withOwners(found.get());
    }
    if ((found = first(dir, "catalog", "csv", "jsonl")).isPresent()) {
      request = request.withCatalog(found.get());
    }
    if ((found = first(dir, "fans", "csv", "jsonl")).isPresent()) {
      request = request.withFans(found.get());
    }
    if ((found = first(dir, "labels", "csv")).isPresent()) {
      request = request.withLabels(found.get());
    }
    if ((found = first(dir, "events", "csv", "jsonl")).isPresent()) {
      request = request.withEvents(found.get());
    }
    return request;
  }

  private static Optional<Path> first(Path dir, String base, String... extensions) {
    for (String extension : extensions) {
      for (String suffix : new String[] {"", ".gz"}) {
        Path candidate = dir.resolve(base + "." + extension + suffix);
        if (Files.isRegularFile(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  public ImportRequest withTaxonomy(Path file) {
    return new ImportRequest(Optional.of(file), owners, catalog, fans, labels, events);
  }

  public ImportRequest withOwners(Path file) {
    return new ImportRequest(taxonomy, Optional.of(file), catalog, fans, labels, events);
  }

  public ImportRequest withCatalog(Path file) {
    return new ImportRequest(taxonomy, owners, Optional.of(file), fans, labels, events);
  }

  public ImportRequest withFans(Path file) {
    return new ImportRequest(taxonomy, owners, catalog, Optional.of(file), labels, events);
  }

  public ImportRequest withLabels(Path file) {
    return new ImportRequest(taxonomy, owners, catalog, fans, Optional.of(file), events);
  }

  public ImportRequest withEvents(Path file) {
    return new ImportRequest(taxonomy, owners, catalog, fans, labels, Optional.of(file));
  }

  public boolean isEmpty() {
    return taxonomy.isEmpty()
        && owners.isEmpty()
        && catalog.isEmpty()
        && fans.isEmpty()
        && labels.isEmpty()
        && events.isEmpty();
  }
}
