package io.fanshelf.indexer.store.elasticsearch;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings and mappings FanShelf creates an index with. Every mapping is strict (a document
 * with an unknown field is rejected, never silently mapped) and carries {@link #SCHEMA} in its
 * {@code _meta}, which the backend checks when it opens an existing index.
 */
final class IndexDefinition {
  /** Version of the document layout; bump it when a mapping or a document changes shape. */
  static final String SCHEMA = "2";

  static final String SCHEMA_KEY = "fanshelf_schema";

  private IndexDefinition() {}

  /**
   * @param properties the mapping's {@code properties} object, as JSON
   * @param routingRequired whether every document must be written and read with a routing value
   */
  static String of(
      int shards,
      int replicas,
      Duration refreshInterval,
      String properties,
      boolean routingRequired) {
    return """
        {
          "settings": {
            "index": {
              "number_of_shards": %d,
              "number_of_replicas": %d,
              "refresh_interval": "%dms"
            }
          },
          "mappings": {
            "dynamic": "strict",
            "_meta": {"%s": "%s"},
            "_routing": {"required": %b},
            "properties": %s
          }
        }
        """
        .formatted(
            shards,
            replicas,
            refreshInterval.toMillis(),
            SCHEMA_KEY,
            SCHEMA,
            routingRequired,
            properties);
  }

  /** Fails unless the index holds the document layout this version reads and writes. */
  static void check(EsIndex index) throws IOException {
    Optional<String> schema = index.mappingMeta(SCHEMA_KEY);
    if (!schema.equals(Optional.of(SCHEMA))) {
      throw new IOException(
          "index "
              + index.name()
              + " holds "
              + schema.map(s -> "FanShelf document layout " + s).orElse("no FanShelf documents")
              + ", this version needs layout "
              + SCHEMA
              + "; choose another index prefix, or reindex");
    }
  }
}
