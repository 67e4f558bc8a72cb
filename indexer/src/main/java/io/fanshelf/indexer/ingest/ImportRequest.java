package io.fanshelf.indexer.ingest;

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
