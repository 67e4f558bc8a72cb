package io.fanshelf.indexer.store.elasticsearch;

import io.fanshelf.indexer.store.StoredJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of this backend's documents (FanShelf's own Jackson 3, not the client's):
 * models are written into and read from {@code _source} exactly as the Lucene backend stores them.
 * Thread-safe.
 */
final class Json {
  static final JsonMapper MAPPER = StoredJson.builder().build();

  private Json() {}

  /** The field {@code field} of a {@code _source}, as the model type it holds. */
  static <T> T read(byte[] source, String field, Class<T> type) {
    JsonNode node = MAPPER.readTree(source).get(field);
    if (node == null) {
      throw new IllegalStateException("stored document has no '" + field + "' field");
    }
    return MAPPER.treeToValue(node, type);
  }
}
