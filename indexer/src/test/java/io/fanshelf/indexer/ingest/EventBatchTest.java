package io.fanshelf.indexer.ingest;

import io.fanshelf.indexer.model.EventType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventBatchTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static List<JsonNode> items(String array) {
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(array).forEach(items::add);
    return items;
  }

  @Test
  void readsEventsAsAnEventsFileWould() {
    Problems problems = new Problems();
    var events =
        EventBatch.parse(
            items(
                "[{\"id\": \"e1\", \"fan\": \"f1\", \"product\": \"p1\", \"type\": \"purchase\","
                    + " \"time\": \"2026-11-01T08:00:00+08:00\", \"owner\": \"shop-lily\", \"value\": 2}]"),
            problems);
    Assertions.assertTrue(problems.isEmpty(), problems.kept().toString());
    Assertions.assertEquals(EventType.PURCHASE, events.events().getFirst().type());
    Assertions.assertEquals(2.0, events.events().getFirst().value().getAsDouble());
    Assertions.assertEquals(List.of(1), events.positions());
  }

  @Test
  void namesThePositionAndFieldOfEachBadEvent() {
    Problems problems = new Problems();
    var parsed =
        EventBatch.parse(
            items(
                "[{\"id\": \"e1\", \"fan\": \"f1\", \"product\": \"p1\", \"type\": \"view\", \"time\": \"2026-11-01T08:00:00Z\"},"
                    + " 42,"
                    + " {\"id\": \"e3\", \"fan\": \"f1\", \"product\": \"p1\", \"type\": \"rating\", \"time\": \"2026-11-01T08:00:00Z\"},"
                    + " {\"id\": \"e4\", \"fan\": \"f1\", \"product\": \"p1\", \"type\": \"view\", \"time\": \"2026-11-01T08:00:00Z\", \"colour\": \"red\"}]"),
            problems);
    Assertions.assertEquals(List.of(1), parsed.positions());
    Assertions.assertEquals(
        List.of("events:2", "events:3", "events:4 [colour]"),
        problems.kept().stream()
            .map(
                e ->
                    e.file() + ":" + e.line() + (e.field().isEmpty() ? "" : " [" + e.field() + "]"))
            .toList());
  }

  @Test
  void anIdRepeatedInsideTheBatchIsAProblemEvenForTheSameEvent() {
    String view =
        "{\"id\": \"e1\", \"fan\": \"f1\", \"product\": \"p1\", \"type\": \"view\","
            + " \"time\": \"2026-11-01T08:00:00Z\"}";
    Problems problems = new Problems();
    var parsed =
        EventBatch.parse(
            items("[" + view + ", " + view + ", " + view.replace("view", "click") + "]"), problems);
    Assertions.assertEquals(List.of(1, 2, 3), parsed.positions());
    Assertions.assertEquals(
        List.of(
            "events:2 [id] event id 'e1' repeats the event at position 1; send each event once"
                + " per batch",
            "events:3 [id] event id 'e1' repeats the event at position 1; send each event once"
                + " per batch"),
        problems.kept().stream()
            .map(e -> e.file() + ":" + e.line() + " [" + e.field() + "] " + e.message())
            .toList());
  }
}
