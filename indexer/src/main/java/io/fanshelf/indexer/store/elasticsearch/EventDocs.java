package io.fanshelf.indexer.store.elasticsearch;

import io.fanshelf.indexer.model.Event;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events index: one document per event, {@code _id} = event id, written with {@code op_type
 * create} so that Elasticsearch itself refuses a second event with the same id (409), which is how
 * appends are idempotent. Routed by {@code _id} (the default): routing by fan would put two events
 * with the same id but different fans on different shards, and the duplicate would go unseen.
 */
final class EventDocs {
  /** Keyword: the event id again, as a sort tie-breaker ({@code _id} cannot be sorted on). */
  static final String ID = "id";

  /** Keyword: a fan's history is one term query. */
  static final String FAN = "fan";

  /** Long, epoch milliseconds: newest-first sort of a fan's history. */
  static final String TIME = "time";

  /** Object, not indexed: the event as FanShelf's JSON. */
  static final String EVENT = "event";

  private EventDocs() {}

  static String definition(ElasticsearchOptions options) {
    return IndexDefinition.of(
        options.eventShards(),
        options.replicas(),
        options.refreshInterval(),
        """
        {
          "id": {"type": "keyword"},
          "fan": {"type": "keyword"},
          "time": {"type": "long"},
          "event": {"type": "object", "enabled": false}
        }
        """,
        false);
  }

  static byte[] toSource(Event event) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put(ID, event.id().value());
    doc.put(FAN, event.fan().value());
    doc.put(TIME, event.time().toEpochMilli());
    doc.set(EVENT, Json.MAPPER.valueToTree(event));
    return Json.MAPPER.writeValueAsBytes(doc);
  }

  static Event event(byte[] source) {
    return Json.read(source, EVENT, Event.class);
  }
}
