package io.fanshelf.indexer.store.elasticsearch;

import io.fanshelf.indexer.model.Event;
import java.time.LocalDate;
import tools.jackson.databind.node.ObjectNode;

/**
 * An events index: one document per event, {@code _id} = event id, written with {@code op_type
 * create} so that Elasticsearch itself refuses a second event with the same id in the same index
 * (409); {@link ElasticsearchEventStore} looks for the id in the other events indices first. Routed
 * by {@code _id} (the default): routing by fan would put two events with the same id but different
 * fans on different shards, and the duplicate would go unseen.
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

  /** {@code _meta} key of a period's index: the first day (UTC) after its period, ISO date. */
  static final String UNTIL_KEY = "fanshelf_events_until";

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

  /**
   * The definition of the events index of one period: the layout above, a member of the read alias
   * {@code alias}, and in its {@code _meta} the first day after the period ({@link #UNTIL_KEY}),
   * which retention compares with its cut-off.
   */
  static String periodDefinition(ElasticsearchOptions options, String alias, LocalDate until) {
    ObjectNode definition = (ObjectNode) Json.MAPPER.readTree(definition(options));
    ((ObjectNode) definition.path("mappings").path("_meta")).put(UNTIL_KEY, until.toString());
    definition.putObject("aliases").putObject(alias);
    return Json.MAPPER.writeValueAsString(definition);
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
