package io.fanshelf.indexer.store.lucene;

import io.fanshelf.indexer.store.StoredJson;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the Lucene backend's stored documents. Thread-safe. */
final class Json {
  static final JsonMapper MAPPER = StoredJson.builder().build();

  private Json() {}
}
