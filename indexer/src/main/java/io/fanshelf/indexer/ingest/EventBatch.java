package io.fanshelf.indexer.ingest;

import io.fanshelf.indexer.model.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Events sent as JSON objects by an app, read with the same row mapping as an events.jsonl file
 * (docs/data-formats.md, "Events"). Whether the products and owners exist is left to {@code
 * Indexer.appendEvents}, which checks it against the store. Stateless and thread-safe.
 */
public final class EventBatch {
  /** The file name that problems of an API batch carry; their line is the 1-based position. */
  public static final String SOURCE = "events";

  /** The fields an event object may have; any other is refused. */
  public static final Set<String> FIELDS = EventRows.FIELDS;

  private EventBatch() {}

  /**
   * The events of a batch that could be read.
   *
   * @param events in batch order
   * @param positions the 1-based position in the batch of each event
   */
  public record Parsed(List<Event> events, List<Integer> positions) {
    public Parsed {
      events = List.copyOf(events);
      positions = List.copyOf(positions);
    }
  }

  /**
   * Maps each object to an event, recording a problem (line = position in the batch, field, what
   * was expected) for every bad one. An id repeated inside the batch is a problem, as in an events
   * file, even for an identical event: a retry resends the whole batch, so a repeat inside one is a
   * sender's mistake (an id already stored is not a problem, it is skipped as a duplicate). A
   * repeated event stays in the result, so that its other problems are reported too.
   *
   * @return the events that could be read, in order; all of them only when {@code problems} stayed
   *     empty
   */
  public static Parsed parse(List<JsonNode> items, Problems problems) {
    List<Event> events = new ArrayList<>(items.size());
    List<Integer> positions = new ArrayList<>(items.size());
    Map<String, Integer> firstPosition = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode node = items.get(i);
      long position = i + 1;
      if (node == null || !node.isObject()) {
        problems.add(
            SOURCE,
            position,
            "",
            "expected a JSON object, got " + (node == null ? "null" : node.getNodeType()));
        continue;
      }
      JsonRow row = new JsonRow(SOURCE, position, node);
      boolean ok = true;
      for (String field : row.fields()) {
        if (!EventRows.FIELDS.contains(field)) {
          problems.add(
              SOURCE,
              position,
              field,
              "unknown field '"
                  + field
                  + "'; expected fields among "
                  + new TreeSet<>(EventRows.FIELDS));
          ok = false;
        }
      }
      if (!ok) {
        continue;
      }
      Optional<Event> event = EventRows.map(row, problems, product -> true, owner -> true);
      if (event.isPresent()) {
        Integer first = firstPosition.putIfAbsent(event.get().id().value(), i + 1);
        if (first != null) {
          problems.add(
              SOURCE,
              position,
              "id",
              "event id '"
                  + event.get().id()
                  + "' repeats the event at position "
                  + first
                  + "; send each event once per batch");
        }
        events.add(event.get());
        positions.add(i + 1);
      }
    }
    return new Parsed(events, positions);
  }
}
