package io.fanshelf.indexer.store.elasticsearch;

import io.fanshelf.indexer.model.FanId;
import io.fanshelf.indexer.model.Label;
import io.fanshelf.indexer.model.OwnerId;
import io.fanshelf.indexer.store.FanProfile;
import io.fanshelf.indexer.store.elasticsearch.EsIndex.Key;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fans index: one document per (owner, fan) profile, routed by owner so that everything an
 * owner asks for is answered by one shard. Its fields, and how a profile becomes a document.
 */
final class FanDocs {
  /** Keyword: every owner-facing query filters on it; the wall between owners. */
  static final String OWNER = "owner";

  /** Keyword with doc values: the page order and the {@code search_after} cursor. */
  static final String FAN = "fan";

  /**
   * Keyword "length:dimension=value", one per label value: label filters are term queries. The
   * dimension's length keeps the term unambiguous when a dimension or value contains '='.
   */
  static final String LABEL = "label";

  /** Keyword, one per labelled dimension: the "has no label for" filter. */
  static final String LABELLED = "labelled";

  /** Object, not indexed: the profile as FanShelf's JSON. */
  static final String PROFILE = "profile";

  /** Elasticsearch's limit on an {@code _id}, in UTF-8 bytes. */
  private static final int MAX_ID_BYTES = 512;

  private FanDocs() {}

  static String definition(ElasticsearchOptions options) {
    return IndexDefinition.of(
        options.fanShards(),
        options.replicas(),
        options.refreshInterval(),
        """
        {
          "owner": {"type": "keyword"},
          "fan": {"type": "keyword"},
          "label": {"type": "keyword"},
          "labelled": {"type": "keyword"},
          "profile": {"type": "object", "enabled": false}
        }
        """,
        true);
  }

  /**
   * Where the profile of {@code fan} for {@code owner} lives: {@code owner|fan} ('|' never occurs
   * in an id), or its SHA-256 when that is longer than an {@code _id} may be (ids of 128 Chinese
   * characters each); routed by owner.
   */
  static Key key(OwnerId owner, FanId fan) {
    String id = owner.value() + "|" + fan.value();
    if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
      id = "sha256-" + HexFormat.of().formatHex(sha256(id));
    }
    return new Key(id, Optional.of(owner.value()));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static String labelTerm(String dimension, String value) {
    return dimension.length() + ":" + dimension + "=" + value;
  }

  static byte[] toSource(FanProfile profile) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put(OWNER, profile.fan().owner().value());
    doc.put(FAN, profile.fan().id().value());
    ArrayNode labels = doc.putArray(LABEL);
    ArrayNode labelled = doc.putArray(LABELLED);
    for (Label label : profile.labels().values()) {
      labelled.add(label.dimension());
      for (String value : label.values()) {
        labels.add(labelTerm(label.dimension(), value));
      }
    }
    doc.set(PROFILE, Json.MAPPER.valueToTree(profile));
    return Json.MAPPER.writeValueAsBytes(doc);
  }

  static FanProfile profile(byte[] source) {
    return Json.read(source, PROFILE, FanProfile.class);
  }
}
